package org.mvtm.core.state;

/** A state change the machine's {@link TransitionTable} does not allow; the message names both states. */
public final class IllegalTransition extends IllegalStateException {
    private final String machine;
    private final String from;
    private final String to;

    IllegalTransition(String machine, String subject, Enum<?> from, Enum<?> to) {
        super(machine + (subject.isEmpty() ? "" : " " + subject) + " cannot go from " + from + " to " + to);
        this.machine = machine;
        this.from = from.name();
        this.to = to.name();
    }

    public String machine() {
        return machine;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
