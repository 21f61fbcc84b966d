package org.mvtm.sip.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/**
 * The B2BUA's leg towards an advisor's registered desk phone (UAC side; RFC 3261 figure 5 seen from the dialog):
 *
 * <pre>
 *   CALLING ──1xx──► RINGING ──2xx/ACK──► CONNECTED ──BYE──► ENDED
 *      │                │
 *      └─ 4xx-6xx, timeout, I/O error, CANCEL ─► ENDED
 * </pre>
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>CALLING</td><td>RINGING, CONNECTED, ENDED</td></tr>
 *   <tr><td>RINGING</td><td>CONNECTED, ENDED</td></tr>
 *   <tr><td>CONNECTED</td><td>ENDED</td></tr>
 *   <tr><td>ENDED</td><td>-</td></tr>
 * </table>
 */
final class AdvisorLeg {

    enum State { CALLING, RINGING, CONNECTED, ENDED }

    private static final Map<State, Set<State>> ALLOWED = new EnumMap<>(Map.of(
            State.CALLING, EnumSet.of(State.RINGING, State.CONNECTED, State.ENDED),
            State.RINGING, EnumSet.of(State.CONNECTED, State.ENDED),
            State.CONNECTED, EnumSet.of(State.ENDED),
            State.ENDED, EnumSet.noneOf(State.class)));

    final ReentrantLock lock = new ReentrantLock();
    final InteractionId interaction;
    final AgentId advisor;
    private State state = State.CALLING;
    ClientTransaction invite;
    Dialog dialog;
    /** Any response (even 100 Trying) came back: the phone is reachable. */
    boolean heard;
    ScheduledFuture<?> deadline;

    AdvisorLeg(InteractionId interaction, AgentId advisor) {
        this.interaction = interaction;
        this.advisor = advisor;
    }

    State state() {
        return state;
    }

    void moveTo(State next) {
        if (!ALLOWED.get(state).contains(next)) {
            throw new IllegalStateException("advisor leg " + interaction + "/" + advisor + " cannot go from " + state
                    + " to " + next);
        }
        state = next;
    }

    boolean canMoveTo(State next) {
        return ALLOWED.get(state).contains(next);
    }

    boolean ringing() {
        return state == State.CALLING || state == State.RINGING;
    }
}
