package org.mvtm.web.api;

/** What a signed-in user of the web tier may do; each maps to the Spring Security authority {@code ROLE_<name>}. */
public enum WebRole {
    /** The demo customer using the customer page (stand-in for the bank's mobile app). */
    CUSTOMER,
    /** An advisor working in the advisor console. */
    AGENT,
    /** Watches queues and advisors live. */
    SUPERVISOR,
    /** Searches, replays and exports recordings of their regions; every replay is audited. */
    COMPLIANCE,
    /** Operates the system; sees the supervisor dashboard but not recordings. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
