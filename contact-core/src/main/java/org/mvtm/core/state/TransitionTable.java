package org.mvtm.core.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The allowed transitions of one state machine, written once and consulted by the production code that changes the
 * state. Built row by row ({@code from(A).to(B, C)}); a state with no row is terminal. A transition the table does not
 * hold is refused with an {@link IllegalTransition} that names the machine, the subject and both states.
 *
 * @param <S> the machine's states
 */
public final class TransitionTable<S extends Enum<S>> {
    private final String machine;
    private final Class<S> type;
    private final Map<S, Set<S>> allowed;

    private TransitionTable(String machine, Class<S> type, Map<S, Set<S>> allowed) {
        this.machine = machine;
        this.type = type;
        this.allowed = allowed;
    }

    /** Starts the table of the machine called {@code machine} (e.g. "advisor", "customer call"). */
    public static <S extends Enum<S>> Builder<S> of(String machine, Class<S> type) {
        return new Builder<>(machine, type);
    }

    public String machine() {
        return machine;
    }

    public boolean allows(S from, S to) {
        return allowed.get(from).contains(to);
    }

    /** The states from which {@code to} may be entered. */
    public Set<S> sourcesOf(S to) {
        Set<S> sources = EnumSet.noneOf(type);
        allowed.forEach((from, tos) -> {
            if (tos.contains(to)) {
                sources.add(from);
            }
        });
        return Collections.unmodifiableSet(sources);
    }

    public boolean isTerminal(S state) {
        return allowed.get(state).isEmpty();
    }

    /**
     * Returns {@code to} when the table allows {@code from -> to}.
     *
     * @param subject who or what is changing state, for the message (an advisor id, a leg id)
     * @throws IllegalTransition naming both states otherwise
     */
    public S check(Object subject, S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalTransition(machine, String.valueOf(subject), from, to);
        }
        return to;
    }

    /**
     * A command's own source states, checked once against the table when the command is defined: a command may be
     * narrower than the table (a reject is READY from RESERVED, a "ready" button is not) but never wider.
     *
     * @throws IllegalStateException at start-up when a source is not allowed by the table
     */
    @SafeVarargs
    public final Set<S> commandFrom(S to, S... sources) {
        Set<S> set = EnumSet.noneOf(type);
        for (S from : sources) {
            check("command " + to, from, to);
            set.add(from);
        }
        return Collections.unmodifiableSet(set);
    }

    /** Builds a {@link TransitionTable} row by row. */
    public static final class Builder<S extends Enum<S>> {
        private final String machine;
        private final Class<S> type;
        private final Map<S, Set<S>> rows;

        private Builder(String machine, Class<S> type) {
            this.machine = Objects.requireNonNull(machine, "machine");
            this.type = type;
            this.rows = new EnumMap<>(type);
            for (S s : type.getEnumConstants()) {
                rows.put(s, EnumSet.noneOf(type));
            }
        }

        public Row from(S from) {
            return new Row(from);
        }

        public TransitionTable<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            rows.forEach((from, tos) -> frozen.put(from, Collections.unmodifiableSet(EnumSet.copyOf(tos))));
            return new TransitionTable<>(machine, type, Collections.unmodifiableMap(frozen));
        }

        /** One row of the table: the states one state may move to. */
        public final class Row {
            private final S from;

            private Row(S from) {
                this.from = from;
            }

            @SafeVarargs
            public final Builder<S> to(S... targets) {
                for (S to : targets) {
                    rows.get(from).add(to);
                }
                return Builder.this;
            }
        }
    }
}
