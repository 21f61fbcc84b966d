package org.mvtm.media.embedded;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.CodecChooser;
import org.mvtm.media.sdp.MediaDescription;
import org.mvtm.media.sdp.SdpException;
import org.mvtm.media.sdp.SessionDescription;

/**
 * What a SIP peer's offer (INVITE or re-INVITE) asks of its plain RTP leg: the codecs the bridge takes, where to
 * send, and which way media may flow (RFC 3264 section 6.1; a {@code c=0.0.0.0} offer is RFC 2543's hold: the peer
 * receives nothing, and the address it named before is kept).
 *
 * @param remote       where the peer receives, or null for {@code c=0.0.0.0}
 * @param peerSends    the peer will send media (sendrecv, sendonly)
 * @param peerReceives the bridge may send to the peer (sendrecv, recvonly, and a real address)
 */
record RtpOfferTerms(List<Codec> codecs, InetSocketAddress remote, boolean peerSends, boolean peerReceives) {

    static RtpOfferTerms of(String sdpOffer, List<String> preferredCodecs) {
        SessionDescription offer = SessionDescription.parse(sdpOffer);
        MediaDescription audio = offer.first(MediaKind.AUDIO)
                .orElseThrow(() -> new SdpException("SIP offer has no m=audio line with a non-zero port"));
        if (!audio.protocol().startsWith("RTP/AVP")) {
            throw new SdpException("SIP offer m=audio uses " + audio.protocol() + "; only plain RTP/AVP is supported");
        }
        if (audio.connectionAddress() == null) {
            throw new SdpException("SIP offer has no c= line");
        }
        Codec chosen = CodecChooser.choose(audio, preferredCodecs)
                .orElseThrow(() -> new SdpException("SIP offer has no codec the bridge relays " + audio.codecs()));
        List<Codec> codecs = new ArrayList<>();
        codecs.add(chosen);
        CodecChooser.telephoneEvent(audio, chosen).ifPresent(codecs::add);
        boolean zeroAddress = audio.connectionAddress().equals("0.0.0.0");
        String direction = audio.direction();
        boolean peerSends = direction.equals("sendrecv") || direction.equals("sendonly");
        boolean peerReceives = !zeroAddress && (direction.equals("sendrecv") || direction.equals("recvonly"));
        return new RtpOfferTerms(List.copyOf(codecs),
                zeroAddress ? null : new InetSocketAddress(audio.connectionAddress(), audio.port()),
                peerSends, peerReceives);
    }

    /** The direction of the answer, seen from the bridge (RFC 3264 section 6.1). */
    String answerDirection() {
        if (peerSends && peerReceives) {
            return "sendrecv";
        }
        if (peerSends) {
            return "recvonly";
        }
        return peerReceives ? "sendonly" : "inactive";
    }
}
