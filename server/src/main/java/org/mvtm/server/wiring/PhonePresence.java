package org.mvtm.server.wiring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.id.AgentId;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.RegistrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An advisor who works on a SIP desk phone is present while the phone is registered: the first registration of an
 * advisor's address of record attaches the advisor to this node and logs them in NOT_READY (when they were logged
 * out). Registering never makes anyone READY by itself: the advisor says so in the console, as after any sign-in.
 * Removing the phone's last binding logs out an advisor whom the phone had logged in and who is not in a call.
 * Bindings themselves are stored by the wrapped store (in memory or Redis).
 */
final class PhonePresence implements RegistrationStore {
    private static final Logger log = LoggerFactory.getLogger(PhonePresence.class);
    private final RegistrationStore store;
    private final RoutingEngine routing;
    private final String domain;
    private final Clock clock;
    private final Set<AgentId> loggedInByPhone = ConcurrentHashMap.newKeySet();

    PhonePresence(RegistrationStore store, RoutingEngine routing, String domain, Clock clock) {
        this.store = store;
        this.routing = routing;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    @Override
    public void put(Binding binding) {
        store.put(binding);
        advisorOf(binding.aor()).ifPresent(this::phoneRegistered);
    }

    @Override
    public void remove(String aor, String contact) {
        store.remove(aor, contact);
        afterRemoval(aor);
    }

    @Override
    public void removeAll(String aor) {
        store.removeAll(aor);
        afterRemoval(aor);
    }

    @Override
    public List<Binding> bindings(String aor, Instant now) {
        return store.bindings(aor, now);
    }

    @Override
    public void close() {
        store.close();
    }

    private void phoneRegistered(AgentId advisor) {
        try {
            routing.attach(advisor);
            if (state(advisor).orElse(AdvisorState.LOGGED_OUT) == AdvisorState.LOGGED_OUT) {
                routing.login(advisor);
                loggedInByPhone.add(advisor);
                log.info("advisor {} logged in on a SIP phone (not ready until they say so)", advisor);
            }
        } catch (RuntimeException e) {
            log.warn("phone registration of advisor {} did not change presence: {}", advisor, e.getMessage());
        }
    }

    private void afterRemoval(String aor) {
        advisorOf(aor).ifPresent(advisor -> {
            if (!store.bindings(aor, clock.instant()).isEmpty() || !loggedInByPhone.contains(advisor)) {
                return;
            }
            AdvisorState s = state(advisor).orElse(AdvisorState.LOGGED_OUT);
            if (s == AdvisorState.READY || s == AdvisorState.NOT_READY) {
                try {
                    routing.logout(advisor);
                    loggedInByPhone.remove(advisor);
                } catch (RuntimeException e) {
                    log.warn("phone unregistration of advisor {} did not log them out: {}", advisor, e.getMessage());
                }
            }
        });
    }

    private Optional<AdvisorState> state(AgentId advisor) {
        return routing.advisorStats().stream().filter(s -> s.advisor().equals(advisor)).map(s -> s.state()).findFirst();
    }

    private Optional<AgentId> advisorOf(String aor) {
        String a = aor.toLowerCase(Locale.ROOT);
        if (!a.startsWith("sip:") || !a.endsWith("@" + domain)) {
            return Optional.empty();
        }
        String user = aor.substring(4, aor.length() - domain.length() - 1);
        return routing.advisors().stream().map(x -> x.id()).filter(id -> id.value().equals(user)).findFirst();
    }
}
