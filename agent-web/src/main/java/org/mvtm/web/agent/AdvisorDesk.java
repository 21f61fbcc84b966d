package org.mvtm.web.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.socket.SocketPeer;

/**
 * One advisor's console state on this node: open sockets, offers waiting for an answer, connected interactions
 * and today's list. Survives page reloads and network drops (the page asks for it again on reconnect).
 * Thread-safe: collections are guarded by this object's monitor, peers are a concurrent set.
 */
final class AdvisorDesk {
    private final AgentId agent;
    private final Set<SocketPeer> peers = ConcurrentHashMap.newKeySet();
    private final Map<InteractionId, Instant> offers = new LinkedHashMap<>();
    private final Map<InteractionId, Instant> active = new LinkedHashMap<>();
    private final List<AgentMessages.DayEntry> today;
    private final AdvisorDayLog days;
    /** Interactions that ended and wait for their wrap-up, oldest first (several when several ran at once). */
    private final Map<InteractionId, Instant> wrapUps = new LinkedHashMap<>();
    /** Held while a wrap-up is given and while the end of the wrap-up time decides whether to hold the advisor. */
    private final ReentrantLock wrapUpLock = new ReentrantLock();

    /** A desk with today's list as last saved (so a restarted server shows it again). */
    AdvisorDesk(AgentId agent, AdvisorDayLog days) {
        this.agent = agent;
        this.days = days;
        this.today = new ArrayList<>(days.read(agent));
    }

    AgentId agent() {
        return agent;
    }

    private Instant absentSince;

    synchronized void attach(SocketPeer peer) {
        peers.add(peer);
        absentSince = null;
    }

    /** Returns true if that was the last open console; from then on the desk counts as absent. */
    synchronized boolean detach(SocketPeer peer, Instant now) {
        peers.remove(peer);
        if (peers.isEmpty() && absentSince == null) {
            absentSince = now;
        }
        return peers.isEmpty();
    }

    /** Since when no console is open, if none is. */
    synchronized Optional<Instant> absentSince() {
        return peers.isEmpty() ? Optional.ofNullable(absentSince) : Optional.empty();
    }

    /** The absence was handled (the advisor was logged out); the desk is no longer waiting for a console. */
    synchronized void absenceHandled() {
        absentSince = null;
    }

    boolean present() {
        return !peers.isEmpty();
    }

    void send(Object message) {
        peers.forEach(p -> p.send(message));
    }

    synchronized void offered(InteractionId id, Instant expiresAt) {
        offers.put(id, expiresAt);
    }

    synchronized boolean offerGone(InteractionId id) {
        return offers.remove(id) != null;
    }

    synchronized Map<InteractionId, Instant> offers() {
        return Map.copyOf(offers);
    }

    synchronized void connected(InteractionId id, Instant since, String customerName, String channel, String queue) {
        offers.remove(id);
        if (active.putIfAbsent(id, since) == null && today.stream().noneMatch(e -> e.interactionId().equals(id.value()))) {
            today.add(new AgentMessages.DayEntry(id.value(), customerName, channel, queue, since, null, "", ""));
            days.write(agent, today);
        }
    }

    synchronized boolean holds(InteractionId id) {
        return active.containsKey(id);
    }

    synchronized Map<InteractionId, Instant> active() {
        return new LinkedHashMap<>(active);
    }

    /** The interaction ended or was transferred away; it now waits for a wrap-up code. */
    synchronized boolean ended(InteractionId id, Instant at) {
        if (active.remove(id) == null) {
            return false;
        }
        wrapUps.put(id, at);
        replace(id, e -> new AgentMessages.DayEntry(e.interactionId(), e.customerName(), e.channel(), e.queue(),
                e.acceptedAt(), at, e.wrapUpCode(), e.notes()));
        return true;
    }

    /** The oldest interaction waiting for its wrap-up. */
    synchronized Optional<InteractionId> awaitingWrapUp() {
        return wrapUps.keySet().stream().findFirst();
    }

    /** Every interaction waiting for its wrap-up, oldest first. */
    ReentrantLock wrapUpLock() {
        return wrapUpLock;
    }

    synchronized List<InteractionId> wrapUps() {
        return List.copyOf(wrapUps.keySet());
    }

    synchronized boolean awaitsWrapUp(InteractionId id) {
        return wrapUps.containsKey(id);
    }

    synchronized void wrappedUp(InteractionId id, String code, String notes) {
        if (wrapUps.remove(id) != null) {
            replace(id, e -> new AgentMessages.DayEntry(e.interactionId(), e.customerName(), e.channel(),
                    e.queue(), e.acceptedAt(), e.endedAt(), code, notes));
        }
    }

    synchronized List<AgentMessages.DayEntry> today() {
        return days.today(today);
    }

    private void replace(InteractionId id, UnaryOperator<AgentMessages.DayEntry> change) {
        for (int i = 0; i < today.size(); i++) {
            if (today.get(i).interactionId().equals(id.value())) {
                today.set(i, change.apply(today.get(i)));
            }
        }
        days.write(agent, today);
    }
}
