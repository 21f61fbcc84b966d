package org.mvtm.recording.store;

import static org.mvtm.recording.api.RecordingState.DEGRADED;
import static org.mvtm.recording.api.RecordingState.DELETED;
import static org.mvtm.recording.api.RecordingState.INTERRUPTED;
import static org.mvtm.recording.api.RecordingState.RECORDING;
import static org.mvtm.recording.api.RecordingState.SEALED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
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
    private static final Map<RecordingState, Set<RecordingState>> ALLOWED = Map.of(
            RECORDING, EnumSet.of(DEGRADED, SEALED, INTERRUPTED),
            DEGRADED, EnumSet.of(SEALED, INTERRUPTED),
            SEALED, EnumSet.of(DELETED),
            INTERRUPTED, EnumSet.of(DELETED),
            DELETED, EnumSet.noneOf(RecordingState.class));

    private RecordingLifecycle() {
    }

    /** @throws IllegalStateException naming both states when the transition is not in the table */
    public static RecordingState check(RecordingState from, RecordingState to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw new IllegalStateException("a recording cannot go from " + from + " to " + to);
        }
        return to;
    }

    public static boolean isOpen(RecordingState s) {
        return s == RECORDING || s == DEGRADED;
    }
}
