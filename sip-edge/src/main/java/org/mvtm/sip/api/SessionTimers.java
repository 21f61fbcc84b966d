package org.mvtm.sip.api;

import java.time.Duration;

/**
 * RFC 4028 session timer values. Requests asking for less than {@code minSe} get {@code 422} with {@code Min-SE};
 * calls whose session is not refreshed within the negotiated interval are ended with BYE on both legs.
 */
public record SessionTimers(Duration sessionExpires, Duration minSe) {
    public SessionTimers {
        if (minSe == null || minSe.toSeconds() < 90) {
            throw new IllegalArgumentException("Min-SE must be at least 90 s (RFC 4028) but was " + minSe);
        }
        if (sessionExpires == null || sessionExpires.compareTo(minSe) < 0) {
            throw new IllegalArgumentException(
                    "Session-Expires " + sessionExpires + " must not be below Min-SE " + minSe);
        }
    }

    /** 30 minutes, Min-SE 90 s (the RFC 4028 defaults). */
    public static SessionTimers defaults() {
        return new SessionTimers(Duration.ofMinutes(30), Duration.ofSeconds(90));
    }
}
