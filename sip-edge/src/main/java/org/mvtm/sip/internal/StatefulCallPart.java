package org.mvtm.sip.internal;

import java.util.concurrent.locks.ReentrantLock;
import org.mvtm.core.state.StateMachine;
import org.mvtm.core.state.TransitionTable;

/**
 * A call of the B2BUA, a leg of one or an adopted dialog: guarded by its {@link #lock}, which the handlers hold while
 * they act on it, and with a state that changes only through its transition table
 * ({@link StateMachine#strictMoveTo}): a move the table does not hold, a repeated one included, is refused naming both
 * states, since a second 200 OK or BYE handled as a first is a bug to see, not to ignore.
 *
 * @param <S> its states
 */
abstract class StatefulCallPart<S extends Enum<S>> {
    final ReentrantLock lock = new ReentrantLock();
    private final StateMachine<S> state;

    /** {@code subject} names this call or leg in a refused move's message (an interaction id, "interaction/advisor"). */
    StatefulCallPart(TransitionTable<S> table, Object subject, S initial) {
        this.state = new StateMachine<>(table, subject, initial);
    }

    final S state() {
        return state.get();
    }

    /** Moves to {@code next}; rejects a transition the table does not hold, naming both states. */
    final void moveTo(S next) {
        state.strictMoveTo(next);
    }

    final boolean canMoveTo(S next) {
        return state.canMoveTo(next);
    }
}
