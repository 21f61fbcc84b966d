package org.mvtm.core.state;

/** A state change the machine's {@link TransitionTable} does not allow; the message names both states. */
public final class IllegalTransition extends IllegalStateException {
    IllegalTransition(String machine, String subject, Enum<?> from, Enum<?> to) {
        super(machine + (subject.isEmpty() ? "" : " " + subject) + " cannot go from " + from + " to " + to);
    }
}
