package org.mvtm.admin.api;

/** What a user may do; a user holds one or several (e.g. SUPERVISOR and COMPLIANCE). */
public enum Role {
    /** Takes calls and chats; has an advisor profile (skills, region, capacity, optional SIP phone). */
    ADVISOR,
    /** Watches queues and advisors live. */
    SUPERVISOR,
    /** Searches and replays recordings of their regions. */
    COMPLIANCE,
    /** Administers this system of record. */
    ADMIN,
    /** A customer with a local login (the demo customers; real customers arrive with the bank's token). */
    CUSTOMER
}
