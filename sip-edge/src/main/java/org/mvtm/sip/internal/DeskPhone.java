package org.mvtm.sip.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.id.AgentId;
import org.mvtm.sip.api.AdvisorPhones;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.RegistrationStore;

/**
 * An agent's desk phone that is registered: its SIP user ({@link AdvisorPhones}) and the contact of the first binding
 * the registrar holds for that user, where it is called. An agent without one works in the web console (agent-web).
 */
record DeskPhone(String user, String contact) {

    /** {@code agent}'s desk phone as registered at {@code now}; empty when the agent has none or it is unregistered. */
    static Optional<DeskPhone> of(AdvisorPhones phones, RegistrationStore registrations, String domain, AgentId agent,
                                  Instant now) {
        return phones.sipUser(agent).flatMap(user -> registered(registrations, domain, user, now));
    }

    /** The phone registered for the SIP user {@code user} at {@code now}, or empty. */
    static Optional<DeskPhone> registered(RegistrationStore registrations, String domain, String user, Instant now) {
        List<Binding> bindings = registrations.bindings(Registrar.aor(user, domain), now);
        return bindings.isEmpty() ? Optional.empty() : Optional.of(new DeskPhone(user, bindings.get(0).contact()));
    }
}
