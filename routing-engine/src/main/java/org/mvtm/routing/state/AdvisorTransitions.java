package org.mvtm.routing.state;

import static org.mvtm.core.AdvisorState.BUSY;
import static org.mvtm.core.AdvisorState.LOGGED_OUT;
import static org.mvtm.core.AdvisorState.NOT_READY;
import static org.mvtm.core.AdvisorState.READY;
import static org.mvtm.core.AdvisorState.RESERVED;
import static org.mvtm.core.AdvisorState.WRAP_UP;

import java.util.Set;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Refusal;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.state.TransitionTable;

/**
 * The advisor state machine: the one table of allowed transitions ({@link #TABLE}). The stores check every change
 * against it, and each command's own source states are checked against it when the engine is built.
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
    public static final TransitionTable<AdvisorState> TABLE = TransitionTable.of("advisor", AdvisorState.class)
            .from(LOGGED_OUT).to(NOT_READY)
            .from(NOT_READY).to(LOGGED_OUT, NOT_READY, READY)
            .from(READY).to(LOGGED_OUT, NOT_READY, RESERVED)
            .from(RESERVED).to(NOT_READY, READY, BUSY)
            .from(BUSY).to(BUSY, WRAP_UP)
            .from(WRAP_UP).to(NOT_READY, READY)
            .build();

    // each advisor command's own source states, narrower than the table (checked against it when the class loads)
    public static final Set<AdvisorState> LOGIN_FROM = TABLE.commandFrom(NOT_READY, LOGGED_OUT);
    public static final Set<AdvisorState> LOGOUT_FROM = TABLE.commandFrom(LOGGED_OUT, NOT_READY, READY);
    public static final Set<AdvisorState> READY_FROM = TABLE.commandFrom(READY, NOT_READY, WRAP_UP);
    public static final Set<AdvisorState> NOT_READY_FROM = TABLE.commandFrom(NOT_READY, NOT_READY, READY, WRAP_UP);
    public static final Set<AdvisorState> END_WRAP_UP_FROM = TABLE.commandFrom(READY, WRAP_UP);

    private AdvisorTransitions() {
    }

    /** The refusal an advisor's console translates ({@code advisor.transition}), naming both states. */
    public static IllegalStateException illegal(AgentId advisor, AdvisorState from, AdvisorState to) {
        return Refusal.of("advisor.transition", "advisor " + advisor + " cannot go from " + from + " to " + to,
                "advisor", advisor, "from", from, "to", to);
    }

    /** @throws IllegalStateException ({@link #illegal}) when {@link #TABLE} does not allow the change */
    public static void check(AgentId advisor, AdvisorState from, AdvisorState to) {
        if (!TABLE.allows(from, to)) {
            throw illegal(advisor, from, to);
        }
    }
}
