package org.mvtm.sip.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.id.AgentId;
import org.mvtm.sip.api.AdvisorPhones;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.RegistrationStore;

/**
 * Where agents' desk phones are registered: an agent's SIP user (from the system of record) and the binding its
 * phone registered. Advisors are rung there for offers and reconnections, colleagues for consultations; an agent
 * without a registered phone works in the web console.
 */
final class DeskPhones {
    /** A registered phone: the SIP user it registered for and the binding to call (the most preferred). */
    record Registered(String user, Binding binding) {
    }

    private final AdvisorPhones phones;
    private final RegistrationStore registrations;
    private final String domain;

    DeskPhones(AdvisorPhones phones, RegistrationStore registrations, String domain) {
        this.phones = phones;
        this.registrations = registrations;
        this.domain = domain;
    }

    /** {@code agent}'s phone registered at {@code now}; empty when they have no SIP user or no registration. */
    Optional<Registered> of(AgentId agent, Instant now) {
        return phones.sipUser(agent).flatMap(user -> ofUser(user, now));
    }

    /** The phone registered for the SIP user {@code user} at {@code now}, if any. */
    Optional<Registered> ofUser(String user, Instant now) {
        List<Binding> bindings = registrations.bindings(Registrar.aor(user, domain), now);
        return bindings.isEmpty() ? Optional.empty() : Optional.of(new Registered(user, bindings.get(0)));
    }
}
