package org.mvtm.recording.store;

import static org.mvtm.recording.api.RecordingState.DEGRADED;
import static org.mvtm.recording.api.RecordingState.DELETED;
import static org.mvtm.recording.api.RecordingState.INTERRUPTED;
import static org.mvtm.recording.api.RecordingState.RECORDING;
import static org.mvtm.recording.api.RecordingState.SEALED;

import org.mvtm.core.state.TransitionTable;
import org.mvtm.recording.api.RecordingState;

/**
 * The one allowed-transition table of a recording.
 *
 * <pre>
 * from \ to    | DEGRADED | SEALED | INTERRUPTED | DELETED
 * RECORDING    |    x     |   x    |      x      |
 * DEGRADED     |          |   x    |      x      |
 * SEALED       |          |        |             |    x
 * INTERRUPTED  |          |        |             |    x
 * DELETED      |          |        |             |
 * </pre>
 * INTERRUPTED is entered only by start-up recovery of a recording a dead process left behind.
 */
public final class RecordingLifecycle {
    public static final TransitionTable<RecordingState> TABLE = TransitionTable.of("recording", RecordingState.class)
            .from(RECORDING).to(DEGRADED, SEALED, INTERRUPTED)
            .from(DEGRADED).to(SEALED, INTERRUPTED)
            .from(SEALED).to(DELETED)
            .from(INTERRUPTED).to(DELETED)
            .build();

    private RecordingLifecycle() {
    }

    /**
     * Returns {@code to} when the table allows the change of {@code recording}.
     *
     * @throws org.mvtm.core.state.IllegalTransition naming both states when the transition is not in the table
     */
    public static RecordingState check(Object recording, RecordingState from, RecordingState to) {
        return TABLE.check(recording, from, to);
    }

    public static boolean isOpen(RecordingState s) {
        return s == RECORDING || s == DEGRADED;
    }
}
