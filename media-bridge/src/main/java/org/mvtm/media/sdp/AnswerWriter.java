package org.mvtm.media.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the bridge's SDP: WebRTC answers (ICE-lite, DTLS passive, BUNDLE, rtcp-mux) and plain RTP offers/answers. */
public final class AnswerWriter {
    private static final String CRLF = "\r\n";

    private AnswerWriter() {
    }

    /**
     * What the answer says about one m-section: its chosen codecs (empty = rejected), our sending SSRC and the id
     * of the MID header extension (0 = none).
     */
    public record Section(MediaDescription offered, List<Codec> codecs, long ssrc, int midExtensionId) {
        public Section {
            codecs = List.copyOf(codecs);
        }

        public Section(MediaDescription offered, List<Codec> codecs, long ssrc) {
            this(offered, codecs, ssrc, 0);
        }

        public boolean accepted() {
            return !codecs.isEmpty();
        }

        Section withMidExtension(int id) {
            return new Section(offered, codecs, ssrc, id);
        }
    }

    /**
     * Local ICE/DTLS parameters of a WebRTC leg. {@code addresses} are the host candidates, best first; the first is
     * also the {@code c=} address.
     */
    public record Transport(String ufrag, String pwd, String fingerprint, List<String> addresses, int port,
                            String cname, String streamId) {
        public Transport {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("a WebRTC answer needs at least one candidate address");
            }
        }

        String address() {
            return addresses.get(0);
        }
    }

    /**
     * A WebRTC answer with one m-section per offered one (in offer order) and {@code bundleGroup} as its
     * {@code a=group:BUNDLE} (answerer BUNDLE-tag first; see {@link BundleNegotiation}).
     */
    public static String webRtcAnswer(long sessionId, List<String> bundleGroup, List<Section> sections, Transport t) {
        StringBuilder b = new StringBuilder();
        b.append("v=0").append(CRLF)
                .append("o=- ").append(sessionId).append(" 2 IN IP4 ").append(t.address()).append(CRLF)
                .append("s=-").append(CRLF)
                .append("t=0 0").append(CRLF)
                .append("a=ice-lite").append(CRLF);
        List<String> mids = bundleGroup;
        if (!mids.isEmpty()) {
            b.append("a=group:BUNDLE ").append(String.join(" ", mids)).append(CRLF);
        }
        b.append("a=msid-semantic: WMS ").append(t.streamId()).append(CRLF);
        Set<String> kinds = new HashSet<>();
        for (Section s : sections) {
            MediaDescription m = s.offered();
            if (!s.accepted()) {
                b.append("m=").append(m.media()).append(" 0 ").append(m.protocol()).append(' ')
                        .append(m.codecs().isEmpty() ? "0" : String.valueOf(m.codecs().get(0).payloadType()))
                        .append(CRLF);
                b.append("c=IN IP4 0.0.0.0").append(CRLF);
                if (m.mid() != null) {
                    b.append("a=mid:").append(m.mid()).append(CRLF);
                }
                b.append("a=inactive").append(CRLF);
                continue;
            }
            b.append("m=").append(m.media()).append(' ').append(t.port()).append(' ').append(m.protocol());
            for (Codec c : s.codecs()) {
                b.append(' ').append(c.payloadType());
            }
            b.append(CRLF);
            b.append("c=IN IP4 ").append(t.address()).append(CRLF);
            b.append("a=rtcp:").append(t.port()).append(" IN IP4 ").append(t.address()).append(CRLF);
            b.append("a=ice-ufrag:").append(t.ufrag()).append(CRLF);
            b.append("a=ice-pwd:").append(t.pwd()).append(CRLF);
            b.append("a=fingerprint:sha-256 ").append(t.fingerprint()).append(CRLF);
            b.append("a=setup:passive").append(CRLF);
            if (m.mid() != null) {
                b.append("a=mid:").append(m.mid()).append(CRLF);
            }
            if (s.midExtensionId() != 0) {
                b.append("a=extmap:").append(s.midExtensionId()).append(' ').append(BundleNegotiation.MID_EXTENSION)
                        .append(CRLF);
            }
            b.append("a=").append(answerDirection(m.direction())).append(CRLF);
            b.append("a=rtcp-mux").append(CRLF);
            b.append("a=rtcp-rsize").append(CRLF);
            for (Codec c : s.codecs()) {
                b.append("a=rtpmap:").append(c.payloadType()).append(' ').append(c.rtpmap()).append(CRLF);
                for (String fb : c.rtcpFeedback()) {
                    if (fb.equals("nack") || fb.equals("nack pli") || fb.equals("ccm fir")) {
                        b.append("a=rtcp-fb:").append(c.payloadType()).append(' ').append(fb).append(CRLF);
                    }
                }
                if (!c.fmtp().isEmpty()) {
                    b.append("a=fmtp:").append(c.payloadType()).append(' ').append(c.fmtp()).append(CRLF);
                }
            }
            // a further section of a kind (another participant's camera) is a stream of its own for the page
            String stream = kinds.add(m.media()) ? t.streamId() : t.streamId() + "-" + m.mid();
            String track = m.media() + "-" + stream;
            if (sends(m.direction())) {
                b.append("a=msid:").append(stream).append(' ').append(track).append(CRLF);
                b.append("a=ssrc:").append(s.ssrc()).append(" cname:").append(t.cname()).append(CRLF);
                b.append("a=ssrc:").append(s.ssrc()).append(" msid:").append(stream).append(' ')
                        .append(track).append(CRLF);
            }
            for (int i = 0; i < t.addresses().size(); i++) {
                // RFC 8445 5.1.2.1: type preference 126 (host), local preference falling with the list order
                long priority = (126L << 24) | ((long) (65535 - i) << 8) | 255;
                b.append("a=candidate:").append(i + 1).append(" 1 udp ").append(priority).append(' ')
                        .append(t.addresses().get(i)).append(' ').append(t.port()).append(" typ host generation 0")
                        .append(CRLF);
            }
            b.append("a=end-of-candidates").append(CRLF);
        }
        return b.toString();
    }

    /** A plain RTP/AVP audio SDP (offer or answer) for a SIP peer. */
    public static String rtpAudio(long sessionId, String address, int port, List<Codec> codecs, String direction) {
        return rtpAudio(sessionId, 1, address, port, codecs, direction);
    }

    /** As above with the o= version: it grows with every SDP one peer gets in a session (RFC 3264 section 8). */
    public static String rtpAudio(long sessionId, long version, String address, int port, List<Codec> codecs,
                                  String direction) {
        StringBuilder b = new StringBuilder();
        b.append("v=0").append(CRLF)
                .append("o=mvtm ").append(sessionId).append(' ').append(version).append(" IN IP4 ").append(address).append(CRLF)
                .append("s=mvtm").append(CRLF)
                .append("c=IN IP4 ").append(address).append(CRLF)
                .append("t=0 0").append(CRLF)
                .append("m=audio ").append(port).append(" RTP/AVP");
        for (Codec c : codecs) {
            b.append(' ').append(c.payloadType());
        }
        b.append(CRLF);
        for (Codec c : codecs) {
            b.append("a=rtpmap:").append(c.payloadType()).append(' ').append(c.rtpmap()).append(CRLF);
            if (!c.fmtp().isEmpty()) {
                b.append("a=fmtp:").append(c.payloadType()).append(' ').append(c.fmtp()).append(CRLF);
            }
        }
        b.append("a=ptime:20").append(CRLF);
        b.append("a=").append(direction).append(CRLF);
        return b.toString();
    }

    static String answerDirection(String offered) {
        return switch (offered) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            case "inactive" -> "inactive";
            default -> "sendrecv";
        };
    }

    static boolean sends(String offeredDirection) {
        return offeredDirection.equals("sendrecv") || offeredDirection.equals("recvonly");
    }

    /** Unused-key guard for maps of codecs by name. */
    static <K, V> V require(Map<K, V> map, K key) {
        V v = map.get(key);
        if (v == null) {
            throw new SdpException("missing " + key);
        }
        return v;
    }
}
