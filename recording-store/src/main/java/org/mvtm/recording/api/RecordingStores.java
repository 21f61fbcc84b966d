package org.mvtm.recording.api;

import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.recording.store.DefaultRecordingStore;

/** Creates the default {@link RecordingStore}. */
public final class RecordingStores {
    private RecordingStores() {
    }

    /**
     * Opens (creating if needed) the store in {@code config.dataDir()}. Runs crash recovery first: recordings left
     * in state RECORDING by a dead process are sealed as INTERRUPTED (and {@code RecordingSealed(interrupted=true)}
     * is published).
     */
    public static RecordingStore open(RecordingStoreConfig config, Clock clock, EventBus events) {
        return DefaultRecordingStore.open(config, clock, events);
    }
}
