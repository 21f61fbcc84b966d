package org.mvtm.media.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.LegExistsException;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;

/**
 * The leg bookkeeping of one call, the same for every {@link MediaSession} adapter: the legs by id (in the order they
 * joined), who is connected to whom, and the default topology: a new leg is connected to every leg of the other
 * party that carries the same {@link org.mvtm.core.media.LegKind} (customer ⇄ advisor; a supervisor's leg to nobody until it monitors).
 * Bad input (a blank or taken leg id, an unknown leg, a party the adapter does not take) throws a
 * {@link MediaException} naming it. Not thread-safe: the session guards it with its own lock.
 *
 * @param <L> the adapter's leg type
 */
public final class CallLegs<L extends CallLeg> {
    private final InteractionId interaction;
    private final Set<Party> parties;
    private final Map<String, L> legs = new LinkedHashMap<>();
    private final Set<Set<String>> connections = new HashSet<>();

    /** The legs of {@code interaction}; {@code parties} are those the adapter takes, in the order errors list them. */
    public CallLegs(InteractionId interaction, List<Party> parties) {
        this.interaction = interaction;
        this.parties = Collections.unmodifiableSet(new LinkedHashSet<>(parties));
    }

    /** Refuses a new leg whose id is blank or taken, or whose party the adapter does not take. */
    public void checkNew(String legId, Party party) {
        if (legId == null || legId.isBlank()) {
            throw new MediaException("leg id must not be blank");
        }
        if (party == null || !parties.contains(party)) {
            throw new MediaException("party must be " + names() + " but was " + party);
        }
        if (legs.containsKey(legId)) {
            throw new LegExistsException("leg " + legId + " already exists in call " + interaction);
        }
    }

    /** A, B or C. */
    private String names() {
        List<String> quoted = parties.stream().map(Party::name).toList();
        int last = quoted.size() - 1;
        return last == 0 ? quoted.get(0) : String.join(", ", quoted.subList(0, last)) + " or " + quoted.get(last);
    }

    /** The leg, or a {@link MediaException} naming the call's legs. */
    public L get(String legId) {
        L leg = legs.get(legId);
        if (leg == null) {
            throw new MediaException("no leg " + legId + " in call " + interaction + "; legs are " + legs.keySet());
        }
        return leg;
    }

    /** Adds a leg and connects it by the default topology; returns the legs it was connected to. */
    public List<L> add(L leg) {
        if (legs.containsKey(leg.id)) {
            throw new LegExistsException("leg " + leg.id + " already exists in call " + interaction);
        }
        legs.put(leg.id, leg);
        List<L> connected = new ArrayList<>();
        for (L other : legs.values()) {
            if (other != leg && connectsByDefault(leg, other) && connections.add(Set.of(leg.id, other.id))) {
                connected.add(other);
            }
        }
        return connected;
    }

    private static boolean connectsByDefault(CallLeg a, CallLeg b) {
        return a.party != b.party && a.party != Party.SUPERVISOR
                && b.party != Party.SUPERVISOR && a.kind() == b.kind();
    }

    /** Connects two legs both ways; false when they already were. */
    public boolean connect(String legA, String legB) {
        get(legA);
        get(legB);
        if (legA.equals(legB)) {
            throw new MediaException("cannot connect leg " + legA + " to itself");
        }
        return connections.add(Set.of(legA, legB));
    }

    /** Removes the leg, if it is {@code leg}, and its connections; false when it was not there. */
    public boolean remove(L leg) {
        if (!legs.remove(leg.id, leg)) {
            return false;
        }
        connections.removeIf(c -> c.contains(leg.id));
        return true;
    }

    /** The legs connected to {@code leg}. */
    public List<L> peersOf(L leg) {
        List<L> out = new ArrayList<>();
        for (Set<String> c : connections) {
            if (c.contains(leg.id)) {
                c.stream().filter(id -> !id.equals(leg.id)).map(legs::get).forEach(out::add);
            }
        }
        return out;
    }

    public boolean contains(String legId) {
        return legs.containsKey(legId);
    }

    /** The legs in the order they joined (a live view). */
    public Collection<L> all() {
        return Collections.unmodifiableCollection(legs.values());
    }

    /** Who is connected to whom: pairs of leg ids (a live view). */
    public Set<Set<String>> connections() {
        return Collections.unmodifiableSet(connections);
    }

    /** Forgets every leg and connection; returns the legs that were there. */
    public List<L> clear() {
        List<L> all = new ArrayList<>(legs.values());
        legs.clear();
        connections.clear();
        return all;
    }
}
