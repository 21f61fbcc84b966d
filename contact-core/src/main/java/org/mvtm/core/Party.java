package org.mvtm.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Who in a call a media leg or a shared document belongs to: the customer, the advisor (a colleague in a three-way
 * call is a second advisor) or a monitoring supervisor. Code passes this enum; it becomes text only where it leaves the
 * process or enters a String API: {@link #mediaName()} is the media bridge's party name ("customer", the prefix of a
 * leg id), {@link #name()} what documents and recordings say ("CUSTOMER").
 */
public enum Party {
    CUSTOMER,
    ADVISOR,
    SUPERVISOR;

    /** "customer", "advisor" or "supervisor": the party as the media bridge's API and the consoles' messages name it. */
    public String mediaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The party a media leg id starts with ({@code "advisor-1a2b3c4d"}); empty for any other id. */
    public static Optional<Party> ofLegId(String legId) {
        int dash = legId.indexOf('-');
        String prefix = dash < 0 ? legId : legId.substring(0, dash);
        for (Party p : values()) {
            if (p.mediaName().equals(prefix)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
