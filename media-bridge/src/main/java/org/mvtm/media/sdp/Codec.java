package org.mvtm.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.PayloadType;

/** One payload type of an m-line with its rtpmap, fmtp and rtcp-fb lines. */
public record Codec(int payloadType, MediaKind kind, String name, int clockRate, int channels, String fmtp,
                    List<String> rtcpFeedback) {
    public Codec {
        rtcpFeedback = List.copyOf(rtcpFeedback);
        fmtp = fmtp == null ? "" : fmtp;
    }

    private static final ConcurrentHashMap<String, String> KEYS =
            new ConcurrentHashMap<>();

    /** Upper-case encoding name, e.g. {@code OPUS}, {@code PCMU}, {@code VP8} (cached: used per packet). */
    public String key() {
        return KEYS.computeIfAbsent(name, n -> n.toUpperCase(Locale.ROOT));
    }

    public boolean isTelephoneEvent() {
        return "TELEPHONE-EVENT".equals(key());
    }

    public PayloadType toPayloadType() {
        return new PayloadType(payloadType, kind, name, clockRate, channels);
    }

    public String rtpmap() {
        return name + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }

    /** Static payload types of RFC 3551 that may appear without rtpmap. */
    static Codec staticType(int pt) {
        return switch (pt) {
            case 0 -> new Codec(0, MediaKind.AUDIO, "PCMU", 8000, 1, "", List.of());
            case 8 -> new Codec(8, MediaKind.AUDIO, "PCMA", 8000, 1, "", List.of());
            case 9 -> new Codec(9, MediaKind.AUDIO, "G722", 8000, 1, "", List.of());
            default -> null;
        };
    }
}
