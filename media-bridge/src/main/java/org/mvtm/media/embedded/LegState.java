package org.mvtm.media.embedded;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lifecycle of a leg.
 * <pre>
 *   NEW --valid STUN check--> ICE_CONNECTED --DTLS keys--> CONNECTED     (WebRTC, RFC 8445 / RFC 5763)
 *   NEW --peer known (SDP or first RTP)----------------> CONNECTED     (plain RTP)
 *   NEW | ICE_CONNECTED | CONNECTED --timeout, bad fingerprint, lost consent--> FAILED
 *   any but CLOSED --removeLeg / release / after FAILED--> CLOSED
 * </pre>
 * {@link #TRANSITIONS} is the one allowed-transition table; anything else is rejected naming both states.
 */
enum LegState {
    NEW, ICE_CONNECTED, CONNECTED, FAILED, CLOSED;

    static final Map<LegState, Set<LegState>> TRANSITIONS = Map.of(
            NEW, EnumSet.of(ICE_CONNECTED, CONNECTED, FAILED, CLOSED),
            ICE_CONNECTED, EnumSet.of(CONNECTED, FAILED, CLOSED),
            CONNECTED, EnumSet.of(FAILED, CLOSED),
            FAILED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(LegState.class));

    /** The current state of one leg, changed only through the table. Thread-safe. */
    static final class Machine {
        private final String legId;
        private final AtomicReference<LegState> state = new AtomicReference<>(NEW);

        Machine(String legId) {
            this.legId = legId;
        }

        LegState get() {
            return state.get();
        }

        /**
         * Moves to {@code to}. Returns false if already there (idempotent events such as repeated STUN checks).
         * Throws {@link IllegalStateException} naming both states for a transition the table does not allow.
         */
        boolean moveTo(LegState to) {
            while (true) {
                LegState from = state.get();
                if (from == to) {
                    return false;
                }
                if (!TRANSITIONS.get(from).contains(to)) {
                    throw new IllegalStateException("leg " + legId + ": illegal transition " + from + " -> " + to);
                }
                if (state.compareAndSet(from, to)) {
                    return true;
                }
            }
        }

        /** Moves to {@code to} only if the table allows it from the current state; false otherwise. */
        boolean tryMoveTo(LegState to) {
            while (true) {
                LegState from = state.get();
                if (from == to || !TRANSITIONS.get(from).contains(to)) {
                    return false;
                }
                if (state.compareAndSet(from, to)) {
                    return true;
                }
            }
        }
    }
}
