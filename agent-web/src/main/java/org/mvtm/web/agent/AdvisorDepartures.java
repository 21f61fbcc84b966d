package org.mvtm.web.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.DeskPhones;
import org.mvtm.web.api.WebTierSettings;
import org.mvtm.web.call.WebWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Advisors who left: signing out, or a console that stayed closed longer than
 * {@link WebTierSettings#consoleGrace()}, logs the advisor out of routing so that nobody is offered customers they
 * cannot see and supervisors see who is really there. An advisor in a call stays BUSY until it ends.
 */
@Component
public class AdvisorDepartures {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisorDepartures.class);
    private final Clock clock;
    private final RoutingEngine routing;
    private final AdvisorDesks desks;
    private final Duration grace;
    private final DeskPhones deskPhones;

    AdvisorDepartures(Clock clock, RoutingEngine routing, AdvisorDesks desks, WebWorkers workers,
                      ObjectProvider<WebTierSettings> settings, ObjectProvider<DeskPhones> deskPhones) {
        this.clock = clock;
        this.deskPhones = deskPhones.getIfAvailable(DeskPhones::none);
        this.routing = routing;
        this.desks = desks;
        this.grace = settings.getIfAvailable(WebTierSettings::defaults).consoleGrace();
        workers.every(1000, "absent advisor consoles", this::sweep);
    }

    /** Logs out advisors whose consoles have been closed for longer than the grace period. */
    public void sweep() {
        Instant now = clock.instant();
        for (AdvisorDesk desk : desks.all()) {
            desk.absentSince().filter(since -> !since.plus(grace).isAfter(now)).ifPresent(since -> {
                desk.absenceHandled();
                if (deskPhones.registered(desk.agent())) {
                    LOG.info("console of advisor {} closed since {}: still working on the desk phone", desk.agent(), since);
                    return;
                }
                LOG.info("console of advisor {} closed since {}: logging out", desk.agent(), since);
                leave(desk.agent());
            });
        }
    }

    /** The advisor signed out or is gone: withdraw their offer, end a wrap-up, log out (not while in a call). */
    public void leave(AgentId agent) {
        desks.find(agent).ifPresent(d -> d.offers().keySet().forEach(d::offerGone));
        Optional<AdvisorStats> stats = routing.advisorStats().stream().filter(s -> s.advisor().equals(agent)).findFirst();
        if (stats.isEmpty()) {
            return;
        }
        try {
            switch (stats.get().state()) {
                case RESERVED -> {
                    stats.get().offer().ifPresent(offer -> noAnswer(offer, agent));
                    routing.logout(agent);
                }
                case WRAP_UP -> {
                    routing.notReady(agent, "signed out");
                    routing.logout(agent);
                }
                case READY, NOT_READY -> routing.logout(agent);
                case BUSY, LOGGED_OUT -> { }
            }
        } catch (IllegalArgumentException | IllegalStateException changed) {
            LOG.info("advisor {} left but stays {}: {}", agent, stats.get().state(), changed.getMessage());
        }
    }

    private void noAnswer(InteractionId offer, AgentId agent) {
        try {
            routing.noAnswer(offer, agent);
        } catch (IllegalStateException gone) {
            // answered or abandoned meanwhile
        }
    }

    /** Whether the advisor had a console on this node and none is open now. */
    public boolean absent(AgentId agent) {
        return desks.find(agent).flatMap(AdvisorDesk::absentSince).isPresent();
    }
}
