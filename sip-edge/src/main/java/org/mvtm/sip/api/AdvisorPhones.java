package org.mvtm.sip.api;

import java.util.Optional;
import org.mvtm.core.id.AgentId;

/** Which SIP user (address-of-record user part) is an advisor's desk phone. */
@FunctionalInterface
public interface AdvisorPhones {

    /** The SIP username of {@code advisor}'s desk phone, or empty if the advisor works on the web console. */
    Optional<String> sipUser(AgentId advisor);

    /** The advisor id is the SIP username (advisor {@code alice} registers as {@code sip:alice@domain}). */
    static AdvisorPhones sameAsAgentId() {
        return advisor -> Optional.of(advisor.value());
    }
}
