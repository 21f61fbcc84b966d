package org.mvtm.recording.api;

/** An approval or withdrawal of a deletion that nobody requested (→ HTTP 409). */
public class DeletionNotRequestedException extends RecordingStoreException {
    public DeletionNotRequestedException(String message) {
        super(message);
    }
}
