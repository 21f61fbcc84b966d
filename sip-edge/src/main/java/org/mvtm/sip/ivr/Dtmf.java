package org.mvtm.sip.ivr;

import java.util.Locale;
import java.util.Optional;
import org.mvtm.core.media.RtpHeader;

/**
 * Keys a caller presses, from either signalling: RFC 4733 telephone-events in the RTP stream (one key per event,
 * however many packets and end-of-event retransmissions carry it; an event is known by its RTP timestamp) and
 * SIP INFO bodies ({@code application/dtmf-relay} {@code Signal=5}, or {@code application/dtmf} {@code 5}).
 * One instance per call, fed in arrival order.
 */
final class Dtmf {
    private static final String KEYS = "0123456789*#ABCD";
    private long lastEventTimestamp = -1;

    /**
     * A telephone-event RTP packet (payload type already matched); the key when this packet is the first seen of
     * its event, else empty.
     */
    Optional<Character> rtpEvent(byte[] packet, int offset, int length) {
        int header = RtpHeader.lengthWithin(packet, offset, length);
        if (header < 0 || length < header + 4) {
            return Optional.empty();
        }
        long timestamp = RtpHeader.timestamp(packet, offset);
        int event = packet[offset + header] & 0xFF;
        if (event >= KEYS.length() || timestamp == lastEventTimestamp) {
            return Optional.empty();
        }
        lastEventTimestamp = timestamp;
        return Optional.of(KEYS.charAt(event));
    }

    /** A SIP INFO body; the key it carries, or empty for another content type or a malformed body. */
    static Optional<Character> infoBody(String contentSubtype, String body) {
        if (body == null || contentSubtype == null) {
            return Optional.empty();
        }
        String value = null;
        String type = contentSubtype.toLowerCase(Locale.ROOT);
        if (type.equals("dtmf-relay")) {
            for (String line : body.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("signal")) {
                    value = line.substring(eq + 1).strip();
                }
            }
        } else if (type.equals("dtmf")) {
            value = body.strip();
        }
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.equals("10")) {
            return Optional.of('*');
        }
        if (value.equals("11")) {
            return Optional.of('#');
        }
        char c = Character.toUpperCase(value.charAt(0));
        return value.length() == 1 && KEYS.indexOf(c) >= 0 ? Optional.of(c) : Optional.empty();
    }
}
