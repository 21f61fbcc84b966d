package org.mvtm.recording.store;

import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.manifest.Manifest;

/** What a {@link RecordingWriter} tells its store, on the writer thread. */
interface WriterListener {
    RecordingSummary sealed(RecordingWriter writer, Manifest manifest);

    void failed(RecordingWriter writer, String reason);

    /** A PCI pause began or ended ({@code mark} is its timeline entry, already buffered). */
    void pauseMarked(RecordingWriter writer, TimelineEntry mark);

    /** The manifest on disk lists more segments than when this was last called (read it now, on this thread). */
    void chainAdvanced(RecordingWriter writer, Manifest manifest);
}
