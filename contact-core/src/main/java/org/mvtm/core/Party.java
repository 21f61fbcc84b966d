package org.mvtm.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Who in a call a media leg or a shared document belongs to: the customer, the advisor (a colleague in a three-way
 * call is a second advisor) or a monitoring supervisor. Code passes this enum, the media bridge's API included; it
 * becomes text only where it leaves the process: {@link #name()} in documents and between the nodes of a cluster
 * ("CUSTOMER"), {@link #mediaName()} in the consoles' messages, recordings' leg descriptions and as the prefix of a
 * browser leg's id ("customer"). {@link #named} reads either back.
 */
public enum Party {
    CUSTOMER,
    ADVISOR,
    SUPERVISOR;

    /** "customer", "advisor" or "supervisor": the party as the consoles' messages and leg ids name it. */
    public String mediaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The party called {@code name}, as {@link #name()} or {@link #mediaName()} writes it ("CUSTOMER" or "customer").
     *
     * @throws IllegalArgumentException naming the parties when {@code name} is none of them
     */
    public static Party named(String name) {
        for (Party p : values()) {
            if (p.name().equals(name) || p.mediaName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("party must be CUSTOMER, ADVISOR or SUPERVISOR but was '" + name + "'");
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
