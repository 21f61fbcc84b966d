package org.mvtm.sip.api;

/** Which side of a call a media leg belongs to; maps to the media bridge's "customer"/"advisor" party. */
public enum CallParty {
    CUSTOMER, ADVISOR;

    /** "customer" or "advisor", as the media bridge names parties. */
    public String partyName() {
        return this == CUSTOMER ? "customer" : "advisor";
    }
}
