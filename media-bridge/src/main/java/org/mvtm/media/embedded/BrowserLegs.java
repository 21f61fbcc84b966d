package org.mvtm.media.embedded;

import java.util.ArrayList;
import java.util.List;
import org.mvtm.core.Party;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.dtls.DtlsSrtpServer;
import org.mvtm.media.rtp.OutboundStream;
import org.mvtm.media.sdp.BundleNegotiation;
import org.mvtm.media.sdp.WebRtcOfferAnswer;
import org.mvtm.media.stun.IceLiteResponder;

/**
 * A call's browser legs (ICE-lite, DTLS-SRTP, BUNDLE on one port each): made from a browser's offer, the SDP read
 * and written by {@link WebRtcOfferAnswer}, and the candidates it trickles afterwards. The legs themselves live in
 * the {@link EmbeddedMediaSession}.
 */
final class BrowserLegs {
    private final EmbeddedMediaSession session;

    BrowserLegs(EmbeddedMediaSession session) {
        this.session = session;
    }

    /** A browser leg carrying {@code kind} (the call's camera and microphone, or a shared screen); the answer. */
    String add(String legId, Party party, String sdpOffer, LegKind kind) {
        session.checkNewLeg(legId, party);
        long audioSsrc = OutboundStream.randomSsrc();
        long videoSsrc = OutboundStream.randomSsrc();
        WebRtcOfferAnswer negotiation = WebRtcOfferAnswer.negotiate(sdpOffer, k -> preference(party, k), audioSsrc,
                videoSsrc, VideoSlots.extraSsrcs());
        BundleNegotiation bundle = negotiation.bundle();
        EmbeddedMediaServer server = session.server;
        return session.onNewPort(channel -> {
            IceLiteResponder ice = new IceLiteResponder(negotiation.localUfrag(), negotiation.localPassword(),
                    bundle.remoteUfrag());
            DtlsSrtpServer dtls = new DtlsSrtpServer(server.tlsCrypto, server.certificate, bundle.fingerprintHash(),
                    bundle.fingerprint());
            WebRtcLeg leg = new WebRtcLeg(legId, party, session, channel, server.clock.instant(), ice, dtls);
            leg.kind = kind;
            leg.negotiated(bundle.negotiated());
            leg.midExtension(bundle.midExtensionId(), bundle.acceptedMids());
            String answer = negotiation.answer(server.certificate.sha256Fingerprint(),
                    server.config.candidateAddresses(), leg.local.getPort(), "mvtm-" + session.interaction().value(),
                    "mvtm-" + legId);
            leg.useSsrcs(audioSsrc, videoSsrc, bundle.extraVideoSsrcs());
            session.register(leg);
            return answer;
        });
    }

    /** ICE-lite: the browser's checks tell the relay its address; trickled candidates are only validated. */
    void addCandidate(String legId, String candidateLine) {
        if (!(session.leg(legId) instanceof WebRtcLeg)) {
            throw new MediaException("leg " + legId + " is not a WebRTC leg; it takes no ICE candidates");
        }
        WebRtcOfferAnswer.trickledCandidate(candidateLine);
    }

    /** A browser gets the other party's codec first, then the configured browser audio (empty: its own first). */
    private List<String> preference(Party party, MediaKind kind) {
        List<String> keys = new ArrayList<>(session.preferredCodecs(party, kind));
        if (kind == MediaKind.AUDIO) {
            session.server.config.browserAudio().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return keys;
    }
}
