package org.mvtm.media.sdp;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.mvtm.core.media.MediaKind;

/**
 * The relay's side of a SIP peer's offer/answer (plain RTP/AVP audio, one port; RFC 3264): what the peer's offer
 * (INVITE, re-INVITE, UPDATE) asks ({@link #readOffer}), what its answer to the relay's offer accepts
 * ({@link #readAnswer}), which codecs the relay offers a desk phone ({@link #offerCodecs}), and the SDP the relay
 * writes for one leg: an instance is one leg's SDP session, whose {@code o=} version grows with every SDP the peer
 * gets (RFC 3264 section 8). Nothing here touches a socket.
 */
public final class RtpOfferAnswer {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** o= session id and version of the SDP the relay gives this peer. */
    private final long sessionId = RANDOM.nextLong(1, Long.MAX_VALUE);
    private long version;

    /**
     * What a SIP peer's offer asks of its leg: the codecs the relay takes, where to send, and which way media may
     * flow (RFC 3264 section 6.1; a {@code c=0.0.0.0} offer is RFC 2543's hold: the peer receives nothing, and the
     * address it named before is kept).
     *
     * @param remote       where the peer receives, or null for {@code c=0.0.0.0}
     * @param peerSends    the peer will send media (sendrecv, sendonly)
     * @param peerReceives the relay may send to the peer (sendrecv, recvonly, and a real address)
     */
    public record Terms(List<Codec> codecs, InetSocketAddress remote, boolean peerSends, boolean peerReceives) {
        public Terms {
            codecs = List.copyOf(codecs);
        }

        /** The direction of the answer, seen from the relay (RFC 3264 section 6.1). */
        public String answerDirection() {
            if (peerSends && peerReceives) {
                return "sendrecv";
            }
            if (peerSends) {
                return "recvonly";
            }
            return peerReceives ? "sendonly" : "inactive";
        }
    }

    /**
     * What the peer's answer to the relay's offer accepted: its codec (with telephone-event) and where it receives.
     */
    public record Accepted(List<Codec> codecs, InetSocketAddress remote) {
        public Accepted {
            codecs = List.copyOf(codecs);
        }
    }

    /**
     * Reads a SIP peer's offer. {@code preferredCodecs}: codec keys to choose first (see {@link #preferring}).
     *
     * @throws SdpException when there is no usable m=audio, no c= line, not RTP/AVP or no codec the relay relays
     */
    public static Terms readOffer(String sdpOffer, List<String> preferredCodecs) {
        MediaDescription audio = audio(sdpOffer, "offer");
        if (!audio.protocol().startsWith("RTP/AVP")) {
            throw new SdpException("SIP offer m=audio uses " + audio.protocol() + "; only plain RTP/AVP is supported");
        }
        Codec chosen = CodecChooser.choose(audio, preferredCodecs)
                .orElseThrow(() -> new SdpException("SIP offer has no codec the bridge relays " + audio.codecs()));
        boolean zeroAddress = audio.connectionAddress().equals("0.0.0.0");
        String direction = audio.direction();
        boolean peerSends = direction.equals("sendrecv") || direction.equals("sendonly");
        boolean peerReceives = !zeroAddress && (direction.equals("sendrecv") || direction.equals("recvonly"));
        return new Terms(withTelephoneEvent(audio, chosen),
                zeroAddress ? null : new InetSocketAddress(audio.connectionAddress(), audio.port()),
                peerSends, peerReceives);
    }

    /**
     * Reads a SIP peer's answer to the relay's offer; {@code offered} tells whether the relay offered a codec.
     *
     * @throws SdpException when there is no usable m=audio, no c= line or none of the offered codecs
     */
    public static Accepted readAnswer(String sdpAnswer, Predicate<Codec> offered) {
        MediaDescription audio = audio(sdpAnswer, "answer");
        Codec chosen = audio.codecs().stream().filter(c -> !c.isTelephoneEvent() && offered.test(c)).findFirst()
                .orElseThrow(() -> new SdpException("SIP answer accepted none of the offered codecs: "
                        + audio.codecs()));
        return new Accepted(withTelephoneEvent(audio, chosen),
                new InetSocketAddress(audio.connectionAddress(), audio.port()));
    }

    private static MediaDescription audio(String sdp, String what) {
        MediaDescription audio = SessionDescription.parse(sdp).first(MediaKind.AUDIO)
                .orElseThrow(() -> new SdpException("SIP " + what + " has no m=audio line with a non-zero port"));
        if (audio.connectionAddress() == null) {
            throw new SdpException("SIP " + what + " has no c= line");
        }
        return audio;
    }

    private static List<Codec> withTelephoneEvent(MediaDescription audio, Codec chosen) {
        List<Codec> codecs = new ArrayList<>();
        codecs.add(chosen);
        CodecChooser.telephoneEvent(audio, chosen).ifPresent(codecs::add);
        return codecs;
    }

    /**
     * The codec keys to choose first from a SIP offer: those the other legs speak ({@code othersSpeak}), then those
     * the relay can transcode into them (G.711, and Opus with libopus: {@code transcodes}), so a phone offering
     * G.722 first is answered in a codec the others can hear; nothing when no other leg speaks.
     */
    public static List<String> preferring(List<String> othersSpeak, boolean transcodes) {
        List<String> keys = new ArrayList<>(othersSpeak);
        if (!keys.isEmpty()) {
            List<String> transcodable = transcodes ? List.of("PCMU", "PCMA", "OPUS") : List.of("PCMU", "PCMA");
            transcodable.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return keys;
    }

    /**
     * Codecs the relay offers to a SIP peer, the other party's codec first. When the other party is a browser
     * already talking Opus (a web advisor transfers to a desk phone, a colleague or supervisor joins from one): Opus
     * first, so a phone that speaks it (baresip, linphone, recent desk phones) is relayed without transcoding, then
     * G.711, which a G.711-only phone picks and the relay transcodes (with {@code transcodes}: libopus is loaded).
     * Without libopus a G.711 phone could not hear an Opus browser: it is offered Opus only, and a G.711-only phone
     * refuses (488) rather than connecting a call in which nobody hears anybody.
     */
    public static List<Codec> offerCodecs(List<String> preferred, boolean transcodes) {
        Codec pcmu = new Codec(0, MediaKind.AUDIO, "PCMU", 8000, 1, "", List.of());
        Codec pcma = new Codec(8, MediaKind.AUDIO, "PCMA", 8000, 1, "", List.of());
        Codec dtmf = new Codec(101, MediaKind.AUDIO, "telephone-event", 8000, 1, "0-16", List.of());
        boolean alawFirst = preferred.indexOf("PCMA") >= 0
                && (preferred.indexOf("PCMU") < 0 || preferred.indexOf("PCMA") < preferred.indexOf("PCMU"));
        List<Codec> g711 = alawFirst ? List.of(pcma, pcmu, dtmf) : List.of(pcmu, pcma, dtmf);
        if (!preferred.contains("OPUS")) {
            return g711;
        }
        Codec opus = new Codec(111, MediaKind.AUDIO, "opus", 48000, 2, "useinbandfec=1", List.of());
        Codec dtmf48 = new Codec(110, MediaKind.AUDIO, "telephone-event", 48000, 1, "0-16", List.of());
        boolean g711InCall = preferred.contains("PCMU") || preferred.contains("PCMA");
        if (!transcodes && !g711InCall) {
            return List.of(opus, dtmf48);
        }
        List<Codec> withOpus = new ArrayList<>(List.of(opus, dtmf48));
        withOpus.addAll(g711);
        return List.copyOf(withOpus);
    }

    /** The relay's offer for this leg (the first SDP it gives the peer), receiving at {@code address:port}. */
    public synchronized String offer(String address, int port, List<Codec> codecs) {
        return AnswerWriter.rtpAudio(sessionId, ++version, address, port, codecs, "sendrecv");
    }

    /** The answer to the peer's (re-)offer: the leg's port, the chosen codecs, the direction seen from the relay. */
    public synchronized String answer(String address, int port, Terms terms) {
        return AnswerWriter.rtpAudio(sessionId, ++version, address, port, terms.codecs(), terms.answerDirection());
    }
}
