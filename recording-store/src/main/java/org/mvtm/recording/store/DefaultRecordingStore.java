package org.mvtm.recording.store;

import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;

/** The default store (being implemented). */
public final class DefaultRecordingStore {
    private DefaultRecordingStore() {
    }

    public static RecordingStore open(RecordingStoreConfig config, Clock clock, EventBus events) {
        throw new UnsupportedOperationException("recording-store implementation is in progress");
    }
}
