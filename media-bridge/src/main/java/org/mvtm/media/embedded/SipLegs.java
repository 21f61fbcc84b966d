package org.mvtm.media.embedded;

import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.mvtm.core.Party;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.RtpOfferAnswer;

/**
 * A call's SIP legs (plain RTP/AVP, one port each): made from a phone's INVITE, re-offered by its re-INVITEs (same
 * leg, same port), offered to a desk phone and completed by its answer. The SDP is read and written by
 * {@link RtpOfferAnswer}; the legs themselves live in the {@link EmbeddedMediaSession}.
 */
final class SipLegs {
    private final EmbeddedMediaSession session;

    SipLegs(EmbeddedMediaSession session) {
        this.session = session;
    }

    String add(String legId, Party party, String sdpOffer) {
        session.checkNewLeg(legId, party);
        RtpOfferAnswer.Terms terms = RtpOfferAnswer.readOffer(sdpOffer,
                preferring(session.preferredCodecs(party, MediaKind.AUDIO)));
        return session.onNewPort(channel -> {
            RtpLeg leg = newLeg(legId, party, channel, terms.codecs());
            leg.directions(terms.peerSends(), terms.peerReceives());
            session.register(leg);
            if (terms.remote() != null) {
                leg.remote(terms.remote());
            }
            return leg.answer(session.server.config.publicAddress(), terms);
        });
    }

    /**
     * A new offer from the peer of an existing RTP leg (re-INVITE, UPDATE): same port, the codec kept when still
     * offered, the new address and direction applied at once (a held peer gets nothing; resumed, its streams
     * continue their sequence numbers).
     */
    String update(String legId, String sdpOffer) {
        RtpLeg rtp = rtpLeg(legId);
        List<String> preferred = new ArrayList<>();
        Codec current = rtp.mainCodec(MediaKind.AUDIO);
        if (current != null) {
            preferred.add(current.key());
        }
        session.preferredCodecs(rtp.party, MediaKind.AUDIO).stream().filter(k -> !preferred.contains(k))
                .forEach(preferred::add);
        RtpOfferAnswer.Terms terms = RtpOfferAnswer.readOffer(sdpOffer, preferring(preferred));
        rtp.negotiated(terms.codecs());
        if (terms.remote() != null) {
            rtp.repoint(terms.remote());
        }
        rtp.directions(terms.peerSends(), terms.peerReceives());
        return rtp.answer(session.server.config.publicAddress(), terms);
    }

    String offer(String legId, Party party) {
        session.checkNewLeg(legId, party);
        List<Codec> codecs = RtpOfferAnswer.offerCodecs(session.preferredCodecs(party, MediaKind.AUDIO),
                session.server.opus.available());
        return session.onNewPort(channel -> {
            RtpLeg leg = newLeg(legId, party, channel, codecs);
            session.register(leg);
            return leg.offer(session.server.config.publicAddress(), codecs);
        });
    }

    void applyAnswer(String legId, String sdpAnswer) {
        RtpLeg rtp = rtpLeg(legId);
        RtpOfferAnswer.Accepted accepted = RtpOfferAnswer.readAnswer(sdpAnswer,
                c -> rtp.codecFor(MediaKind.AUDIO, c.key()) != null);
        rtp.negotiated(accepted.codecs());
        rtp.remote(accepted.remote());
    }

    private RtpLeg newLeg(String legId, Party party, DatagramChannel channel, List<Codec> codecs) {
        RtpLeg leg = new RtpLeg(legId, party, session, channel, session.server.clock.instant());
        leg.negotiated(codecs);
        return leg;
    }

    private List<String> preferring(List<String> othersSpeak) {
        return RtpOfferAnswer.preferring(othersSpeak, session.server.opus.available());
    }

    private RtpLeg rtpLeg(String legId) {
        if (!(session.leg(legId) instanceof RtpLeg rtp)) {
            throw new MediaException("leg " + legId + " is not an RTP leg");
        }
        return rtp;
    }
}
