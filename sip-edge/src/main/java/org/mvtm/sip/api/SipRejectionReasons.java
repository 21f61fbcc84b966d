package org.mvtm.sip.api;

import java.util.List;

/**
 * The reasons in {@link SipMetrics#rejectedByReason()} that an operator alerts on: new calls refused for load and
 * sign-ins refused. The edge counts them from zero at start, so that a rate over them works before the first refusal;
 * any other reason (a status such as {@code "400"}, {@code "register-aor"}, {@code "auth-challenge"}, ...) appears
 * once the edge has counted it.
 */
public final class SipRejectionReasons {
    /** More new calls per second than the edge admits. */
    public static final String OVERLOAD_RATE = "overload-rate";
    /** Too many calls being set up at once. */
    public static final String OVERLOAD_SETTING_UP = "overload-setting-up";
    /** The edge's hand-over to the call handlers runs late. */
    public static final String OVERLOAD_LATE = "overload-late";
    /** Recordings are falling behind: no new call until they catch up. */
    public static final String OVERLOAD_RECORDING = "overload-recording";
    /** One source address sends more new requests than it may. */
    public static final String FLOOD = "flood";
    /** A wrong password or a user without SIP credentials (403). */
    public static final String AUTH_WRONG = "auth-wrong";
    /** The account is locked after failed sign-ins (503 with Retry-After). */
    public static final String AUTH_LOCKED = "auth-locked";
    /** The account, the source address or the edge is slowed after failed sign-ins (503 with Retry-After). */
    public static final String AUTH_THROTTLED = "auth-throttled";

    /** Every reason above, in that order. */
    public static final List<String> COUNTED_FROM_START = List.of(OVERLOAD_RATE, OVERLOAD_SETTING_UP, OVERLOAD_LATE,
            OVERLOAD_RECORDING, FLOOD, AUTH_WRONG, AUTH_LOCKED, AUTH_THROTTLED);

    private SipRejectionReasons() {
    }
}
