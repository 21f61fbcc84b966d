package org.mvtm.routing.store;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.state.AdvisorTransitions;

/** One advisor in the {@link InMemoryRoutingStore}; guarded by the store's lock. */
final class InMemoryAdvisor {
    Advisor profile;
    AdvisorState state = AdvisorState.LOGGED_OUT;
    String reason = "";
    Instant since;
    Instant idleSince;
    final Map<Channel, Integer> load = new EnumMap<>(Channel.class);
    final Set<InteractionId> active = new LinkedHashSet<>();
    InteractionId offer;
    String node;
    final Map<AdvisorState, Long> millisIn = new EnumMap<>(AdvisorState.class);
    Instant wrapUntil;

    /** A newly registered advisor: logged out, idle since {@code now}. */
    static InMemoryAdvisor registered(Advisor profile, Instant now) {
        InMemoryAdvisor a = new InMemoryAdvisor();
        a.profile = profile;
        a.since = now;
        a.idleSince = now;
        return a;
    }

    /** Ready or busy, holding no offer, with room for a customer on some channel. */
    boolean offerable(BiFunction<Advisor, Channel, Integer> capacity) {
        return (state == AdvisorState.READY || state == AdvisorState.BUSY) && offer == null
                && Capacity.hasRoomForAny(load, profile, capacity);
    }

    /** In a wrap-up whose time has run out by {@code now}. */
    boolean wrapUpOver(Instant now) {
        return state == AdvisorState.WRAP_UP && wrapUntil != null && !wrapUntil.isAfter(now);
    }

    AdvisorRecord snapshot() {
        return new AdvisorRecord(profile, state, reason, since, idleSince, load, List.copyOf(active),
                Optional.ofNullable(offer), Optional.ofNullable(node), millisIn, Optional.ofNullable(wrapUntil));
    }

    /** Moves to {@code to}, which {@link AdvisorTransitions#TABLE} must allow: a bug here fails loudly. */
    AdvisorState moveTo(AdvisorState to, String why, Instant now) {
        AdvisorState from = state;
        AdvisorTransitions.check(profile.id(), from, to);
        millisIn.merge(from, Math.max(0, Duration.between(since, now).toMillis()), Long::sum);
        state = to;
        since = now;
        reason = why == null ? "" : why;
        if (to == AdvisorState.READY) {
            idleSince = now;
        }
        if (to != AdvisorState.WRAP_UP) {
            wrapUntil = null;
        }
        return from;
    }
}
