package org.mvtm.routing.state;

import static org.mvtm.core.AdvisorState.BUSY;
import static org.mvtm.core.AdvisorState.LOGGED_OUT;
import static org.mvtm.core.AdvisorState.NOT_READY;
import static org.mvtm.core.AdvisorState.READY;
import static org.mvtm.core.AdvisorState.RESERVED;
import static org.mvtm.core.AdvisorState.WRAP_UP;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.id.AgentId;

/**
 * The advisor state machine: the one table of allowed transitions.
 * <pre>
 *  from \ to   LOGGED_OUT NOT_READY READY RESERVED BUSY WRAP_UP
 *  LOGGED_OUT      .         login    .      .      .     .
 *  NOT_READY     logout    reason   ready    .      .     .
 *  READY         logout   notReady    .    offer    .     .
 *  RESERVED        .      noAnswer  reject   .    accept  .
 *  BUSY            .         .        .      .    more  last ended
 *  WRAP_UP         .      notReady  done     .      .     .
 * </pre>
 * RESERVED -&gt; READY also covers a customer who abandoned while offered; RESERVED -&gt; NOT_READY a lease that expired
 * because the advisor's node died. An advisor holding chats stays BUSY while offered another chat (BUSY -&gt; BUSY).
 */
public final class AdvisorTransitions {
    private static final Map<AdvisorState, Set<AdvisorState>> ALLOWED = new EnumMap<>(AdvisorState.class);

    static {
        ALLOWED.put(LOGGED_OUT, EnumSet.of(NOT_READY));
        ALLOWED.put(NOT_READY, EnumSet.of(LOGGED_OUT, NOT_READY, READY));
        ALLOWED.put(READY, EnumSet.of(LOGGED_OUT, NOT_READY, RESERVED));
        ALLOWED.put(RESERVED, EnumSet.of(NOT_READY, READY, BUSY));
        ALLOWED.put(BUSY, EnumSet.of(BUSY, WRAP_UP));
        ALLOWED.put(WRAP_UP, EnumSet.of(NOT_READY, READY));
    }

    private AdvisorTransitions() {
    }

    public static boolean allowed(AdvisorState from, AdvisorState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The states from which {@code to} may be entered. */
    public static Set<AdvisorState> sourcesOf(AdvisorState to) {
        Set<AdvisorState> s = EnumSet.noneOf(AdvisorState.class);
        ALLOWED.forEach((from, tos) -> {
            if (tos.contains(to)) {
                s.add(from);
            }
        });
        return s;
    }

    public static IllegalStateException illegal(AgentId advisor, AdvisorState from, AdvisorState to) {
        return org.mvtm.core.Refusal.of("advisor.transition", "advisor " + advisor + " cannot go from " + from + " to " + to,
                "advisor", advisor, "from", from, "to", to);
    }

    public static void check(AgentId advisor, AdvisorState from, AdvisorState to) {
        if (!allowed(from, to)) {
            throw illegal(advisor, from, to);
        }
    }
}
