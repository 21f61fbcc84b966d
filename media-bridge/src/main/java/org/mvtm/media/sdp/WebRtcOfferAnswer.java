package org.mvtm.media.sdp;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MediaException;

/**
 * The relay's side of a browser's offer/answer: the offer read and negotiated ({@link BundleNegotiation}: BUNDLE,
 * codecs, the browser's ICE credentials and DTLS fingerprint), the relay's own ICE-lite credentials made for the leg,
 * and the answer written ({@link AnswerWriter#webRtcAnswer}: ICE-lite, DTLS passive, BUNDLE/rtcp-mux, host
 * candidates). Also reads the candidates a browser trickles afterwards. Nothing here touches a socket: the caller
 * binds the leg's port between {@link #negotiate} and {@link #answer}.
 *
 * @param bundle        what was negotiated: codecs, accepted mids, the browser's ICE credentials and DTLS fingerprint
 * @param localUfrag    the relay's ICE-lite username fragment for this leg (what the browser's checks must name)
 * @param localPassword the relay's ICE password for this leg (the key of the checks' MESSAGE-INTEGRITY)
 */
public record WebRtcOfferAnswer(BundleNegotiation bundle, String localUfrag, String localPassword) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /**
     * Negotiates a browser's offer. {@code preferredCodecs} names, per kind, the codecs to prefer (the other party's
     * first); {@code audioSsrc}/{@code videoSsrc} are what the relay sends on the leg, {@code extraVideoSsrcs} what it
     * may send on further receive-only video m-sections (see {@link BundleNegotiation}).
     *
     * @throws SdpException when the offer is malformed or nothing in it is usable
     */
    public static WebRtcOfferAnswer negotiate(String sdpOffer, Function<MediaKind, List<String>> preferredCodecs,
                                              long audioSsrc, long videoSsrc, List<Long> extraVideoSsrcs) {
        SessionDescription offer = SessionDescription.parse(sdpOffer);
        BundleNegotiation bundle = BundleNegotiation.answer(offer, preferredCodecs,
                Map.of(MediaKind.AUDIO, audioSsrc, MediaKind.VIDEO, videoSsrc), extraVideoSsrcs);
        return new WebRtcOfferAnswer(bundle, randomIce(8), randomIce(24));
    }

    /**
     * The answer: the relay's certificate {@code fingerprint} (SHA-256), a host candidate per {@code addresses} (best
     * first) on the leg's {@code port}, and {@code cname}/{@code streamId} for the streams it sends.
     */
    public String answer(String fingerprint, List<String> addresses, int port, String cname, String streamId) {
        return AnswerWriter.webRtcAnswer(RANDOM.nextLong(1, Long.MAX_VALUE), bundle.answerGroup(), bundle.sections(),
                new AnswerWriter.Transport(localUfrag, localPassword, fingerprint, addresses, port, cname, streamId));
    }

    /**
     * A trickled candidate ({@code candidate:...} or {@code a=candidate:...}) without its {@code a=}; empty for an
     * empty line or {@code end-of-candidates}.
     *
     * @throws MediaException when the line is not an ICE candidate (RFC 8839 section 5.1)
     */
    public static Optional<String> trickledCandidate(String candidateLine) {
        String c = candidateLine == null ? "" : candidateLine.strip();
        if (c.startsWith("a=")) {
            c = c.substring(2);
        }
        if (c.isEmpty() || c.equals("end-of-candidates")) {
            return Optional.empty();
        }
        String[] p = c.split("\\s+");
        if (!p[0].startsWith("candidate:") || p.length < 8 || !p[6].equals("typ")) {
            throw new MediaException("not an ICE candidate line: '" + candidateLine + "'");
        }
        return Optional.of(c);
    }

    private static String randomIce(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return b.toString();
    }
}
