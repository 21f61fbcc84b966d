package org.mvtm.server.wiring;

import java.util.Optional;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.sip.api.CallRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SIP edge's routing port, served by the routing engine. */
final class RoutingCallRouting implements CallRouting {
    private static final Logger log = LoggerFactory.getLogger(RoutingCallRouting.class);
    private final RoutingEngine routing;
    private final SipDeskMonitoring monitoring;

    RoutingCallRouting(RoutingEngine routing) {
        this(routing, null);
    }

    /** With {@code monitoring}, supervisors' desk phones may monitor calls by feature code. */
    RoutingCallRouting(RoutingEngine routing, SipDeskMonitoring monitoring) {
        this.routing = routing;
        this.monitoring = monitoring;
    }

    @Override
    public Monitoring monitor(String supervisor, String advisorExtension, String mode) {
        return monitoring == null ? CallRouting.super.monitor(supervisor, advisorExtension, mode)
                : monitoring.start(supervisor, advisorExtension, mode);
    }

    @Override
    public void monitorStopped(InteractionId interaction, String supervisor) {
        if (monitoring != null) {
            monitoring.stopped(interaction, supervisor);
        }
    }

    /** The queues routing takes new customers into, as the system of record defines them now. */
    @Override
    public boolean takesCallers(String queue) {
        return routing.queues().stream().anyMatch(q -> q.id().value().equals(queue));
    }

    @Override
    public void enqueue(Interaction interaction) {
        routing.enqueue(interaction);
    }

    @Override
    public void abandon(InteractionId interaction) {
        routing.abandon(interaction);
    }

    @Override
    public Optional<Interaction> interaction(InteractionId interaction) {
        return routing.interaction(interaction).map(InteractionView::interaction);
    }

    @Override
    public void complete(InteractionId interaction, InteractionEnded.EndedBy endedBy) {
        InteractionStatus status = routing.interaction(interaction).map(v -> v.status()).orElse(InteractionStatus.ENDED);
        switch (status) {
            case CONNECTED -> routing.complete(interaction, endedBy);
            case QUEUED, OFFERED -> routing.abandon(interaction);
            case ENDED, ABANDONED -> { } // already over: end it once
        }
    }

    @Override
    public boolean accept(InteractionId interaction, AgentId advisor) {
        try {
            routing.accept(interaction, advisor);
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.info("phone answer for {} by {} refused by routing: {}", interaction, advisor, e.getMessage());
            return false;
        }
    }

    @Override
    public void decline(InteractionId interaction, AgentId advisor, OfferDeclined.Cause cause) {
        if (cause == OfferDeclined.Cause.REJECTED) {
            routing.reject(interaction, advisor);
        } else {
            routing.noAnswer(interaction, advisor);
        }
    }
}
