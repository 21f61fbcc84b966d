package org.mvtm.core.state;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current state of one subject, changed only through its {@link TransitionTable}. Thread-safe without locks (the
 * shape of resilience4j's circuit breaker state): each change is a compare-and-set from the state it was checked
 * against.
 *
 * @param <S> the machine's states
 */
public final class StateMachine<S extends Enum<S>> {
    private final TransitionTable<S> table;
    private final Object subject;
    private final AtomicReference<S> state;

    public StateMachine(TransitionTable<S> table, Object subject, S initial) {
        this.table = Objects.requireNonNull(table, "table");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.state = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public S get() {
        return state.get();
    }

    /**
     * Moves to {@code to}. Returns false when already there (idempotent events such as a repeated STUN check or a
     * second BYE) and true when it moved.
     *
     * @throws IllegalTransition naming both states for a change the table does not allow
     */
    public boolean moveTo(S to) {
        while (true) {
            S from = state.get();
            if (from == to) {
                return false;
            }
            table.check(subject, from, to);
            if (state.compareAndSet(from, to)) {
                return true;
            }
        }
    }

    /**
     * Moves to {@code to}, checking every move against the table, a move to the current state too: unlike
     * {@link #moveTo} a repeated move is not a no-op but a transition like any other, allowed only when the table holds
     * it (for machines whose repeated event is a caller's bug, such as a SIP leg ending twice).
     *
     * @throws IllegalTransition naming both states for a change the table does not allow, a same-state one included
     */
    public void strictMoveTo(S to) {
        while (true) {
            S from = state.get();
            table.check(subject, from, to);
            if (state.compareAndSet(from, to)) {
                return;
            }
        }
    }

    /** Moves to {@code to} only if the table allows it from the current state; false (and no change) otherwise. */
    public boolean tryMoveTo(S to) {
        while (true) {
            S from = state.get();
            if (from == to || !table.allows(from, to)) {
                return false;
            }
            if (state.compareAndSet(from, to)) {
                return true;
            }
        }
    }

    public boolean canMoveTo(S to) {
        return table.allows(state.get(), to);
    }
}
