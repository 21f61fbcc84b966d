package org.mvtm.sip.internal;

import java.util.Locale;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** Reads RFC 4028 {@code Session-Expires} (compact {@code x}) and {@code Min-SE} values from a message. */
final class SessionTimerHeaders {
    private SessionTimerHeaders() {
    }

    /** The delta-seconds of Session-Expires, or -1 if absent or malformed. */
    static int sessionExpires(Message m) {
        Header h = m.getHeader("Session-Expires");
        if (h == null) {
            h = m.getHeader("x");
        }
        return h == null ? -1 : seconds(h);
    }

    static boolean supportsTimer(Message m) {
        var it = m.getHeaders("Supported");
        while (it.hasNext()) {
            if (value((Header) it.next()).toLowerCase(Locale.ROOT).contains("timer")) {
                return true;
            }
        }
        var req = m.getHeaders("Require");
        while (req.hasNext()) {
            if (value((Header) req.next()).toLowerCase(Locale.ROOT).contains("timer")) {
                return true;
            }
        }
        return false;
    }

    private static int seconds(Header h) {
        String v = value(h);
        int semi = v.indexOf(';');
        String digits = (semi < 0 ? v : v.substring(0, semi)).strip();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String value(Header h) {
        String s = h.toString();
        int colon = s.indexOf(':');
        return (colon < 0 ? s : s.substring(colon + 1)).strip();
    }
}
