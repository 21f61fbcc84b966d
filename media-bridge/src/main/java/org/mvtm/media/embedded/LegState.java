package org.mvtm.media.embedded;

import org.mvtm.core.state.StateMachine;
import org.mvtm.core.state.TransitionTable;

/**
 * Lifecycle of a leg.
 * <pre>
 *   NEW --valid STUN check--> ICE_CONNECTED --DTLS keys--> CONNECTED     (WebRTC, RFC 8445 / RFC 5763)
 *   NEW --peer known (SDP or first RTP)----------------> CONNECTED     (plain RTP)
 *   NEW | ICE_CONNECTED | CONNECTED --timeout, bad fingerprint, lost consent--> FAILED
 *   any but CLOSED --removeLeg / release / after FAILED--> CLOSED
 * </pre>
 * {@link #TABLE} is the one allowed-transition table; anything else is rejected naming both states.
 */
enum LegState {
    NEW, ICE_CONNECTED, CONNECTED, FAILED, CLOSED;

    static final TransitionTable<LegState> TABLE = TransitionTable.of("leg", LegState.class)
            .from(NEW).to(ICE_CONNECTED, CONNECTED, FAILED, CLOSED)
            .from(ICE_CONNECTED).to(CONNECTED, FAILED, CLOSED)
            .from(CONNECTED).to(FAILED, CLOSED)
            .from(FAILED).to(CLOSED)
            .build();

    /** A new leg's state machine, changed only through {@link #TABLE}. */
    static StateMachine<LegState> machine(String legId) {
        return new StateMachine<>(TABLE, legId, NEW);
    }
}
