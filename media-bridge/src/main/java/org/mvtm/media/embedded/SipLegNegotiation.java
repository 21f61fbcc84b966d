package org.mvtm.media.embedded;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.sdp.AnswerWriter;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.CodecChooser;
import org.mvtm.media.sdp.MediaDescription;
import org.mvtm.media.sdp.SdpException;
import org.mvtm.media.sdp.SessionDescription;

/**
 * The SDP side of a call's SIP legs (plain RTP/AVP): the answer to a phone's INVITE, the re-offers of its re-INVITEs
 * (same leg, same port), the bridge's offer to a desk phone and the phone's answer to it. The legs themselves live
 * in the {@link EmbeddedMediaSession}.
 */
final class SipLegNegotiation {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final EmbeddedMediaSession session;

    SipLegNegotiation(EmbeddedMediaSession session) {
        this.session = session;
    }

    String add(String legId, String party, String sdpOffer) {
        session.checkNewLeg(legId, party);
        RtpOfferTerms terms = RtpOfferTerms.of(sdpOffer, transcodableAfter(session.preferredCodecs(party,
                MediaKind.AUDIO)));
        DatagramChannel channel = session.server.ports.bind();
        try {
            RtpLeg leg = new RtpLeg(legId, party, session, channel, session.server.clock.instant(),
                    RANDOM.nextLong(1, Long.MAX_VALUE));
            leg.negotiated(terms.codecs());
            leg.directions(terms.peerSends(), terms.peerReceives());
            session.register(leg);
            if (terms.remote() != null) {
                leg.remote(terms.remote());
            }
            return leg.answer(session.server.config.publicAddress(), terms);
        } catch (RuntimeException e) {
            session.server.ports.release(channel);
            throw e;
        }
    }

    /**
     * A new offer from the peer of an existing RTP leg (re-INVITE, UPDATE): same port, the codec kept when still
     * offered, the new address and direction applied at once (a held peer gets nothing; resumed, its streams
     * continue their sequence numbers).
     */
    String update(String legId, String sdpOffer) {
        Leg leg = session.leg(legId);
        if (!(leg instanceof RtpLeg rtp)) {
            throw new MediaException("leg " + legId + " is not an RTP leg");
        }
        List<String> preferred = new ArrayList<>();
        Codec current = rtp.mainCodec(MediaKind.AUDIO);
        if (current != null) {
            preferred.add(current.key());
        }
        session.preferredCodecs(rtp.party, MediaKind.AUDIO).stream().filter(k -> !preferred.contains(k)).forEach(preferred::add);
        RtpOfferTerms terms = RtpOfferTerms.of(sdpOffer, transcodableAfter(preferred));
        rtp.negotiated(terms.codecs());
        if (terms.remote() != null) {
            rtp.repoint(terms.remote());
        }
        rtp.directions(terms.peerSends(), terms.peerReceives());
        return rtp.answer(session.server.config.publicAddress(), terms);
    }

    /**
     * The codecs the other legs speak, then those the relay can transcode into them (G.711, and Opus with libopus),
     * so a phone offering G.722 first is answered in a codec the others can hear; nothing when no other leg speaks.
     */
    private List<String> transcodableAfter(List<String> preferred) {
        List<String> keys = new ArrayList<>(preferred);
        if (!keys.isEmpty()) {
            List<String> transcodable = session.server.opus.available() ? List.of("PCMU", "PCMA", "OPUS")
                    : List.of("PCMU", "PCMA");
            transcodable.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return keys;
    }

    String offer(String legId, String party) {
        session.checkNewLeg(legId, party);
        List<Codec> codecs = AnswerWriter.sipOfferCodecs(session.preferredCodecs(party, MediaKind.AUDIO),
                session.server.opus.available());
        DatagramChannel channel = session.server.ports.bind();
        try {
            RtpLeg leg = new RtpLeg(legId, party, session, channel, session.server.clock.instant(),
                    RANDOM.nextLong(1, Long.MAX_VALUE));
            leg.negotiated(codecs);
            session.register(leg);
            return leg.offer(session.server.config.publicAddress(), codecs);
        } catch (RuntimeException e) {
            session.server.ports.release(channel);
            throw e;
        }
    }

    void applyAnswer(String legId, String sdpAnswer) {
        Leg leg = session.leg(legId);
        if (!(leg instanceof RtpLeg rtp)) {
            throw new MediaException("leg " + legId + " is not an RTP leg");
        }
        SessionDescription answer = SessionDescription.parse(sdpAnswer);
        MediaDescription audio = answer.first(MediaKind.AUDIO)
                .orElseThrow(() -> new SdpException("SIP answer has no m=audio line with a non-zero port"));
        if (audio.connectionAddress() == null) {
            throw new SdpException("SIP answer has no c= line");
        }
        Codec chosen = audio.codecs().stream()
                .filter(c -> !c.isTelephoneEvent() && leg.codecFor(MediaKind.AUDIO, c.key()) != null).findFirst()
                .orElseThrow(() -> new SdpException("SIP answer accepted none of the offered codecs: "
                        + audio.codecs()));
        List<Codec> codecs = new ArrayList<>();
        codecs.add(chosen);
        CodecChooser.telephoneEvent(audio, chosen).ifPresent(codecs::add);
        rtp.negotiated(codecs);
        rtp.remote(new InetSocketAddress(audio.connectionAddress(), audio.port()));
    }
}
