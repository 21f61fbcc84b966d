package org.mvtm.recording.store;

import java.nio.file.Path;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.manifest.Manifest;

/** A recording on disk: its directory and its manifest. */
record StoredRecording(Path dir, Manifest manifest) {
    RecordingId id() {
        return manifest.id();
    }
}
