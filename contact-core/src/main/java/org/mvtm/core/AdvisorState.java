package org.mvtm.core;

/**
 * An advisor's presence as routing sees it. The allowed transitions are owned by the routing engine's
 * state table; this enum only names the states so every module speaks of them the same way.
 */
public enum AdvisorState {
    LOGGED_OUT,
    NOT_READY,
    READY,
    RESERVED,
    BUSY,
    WRAP_UP
}
