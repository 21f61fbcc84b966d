package org.mvtm.recording.api;

/** See the store's Javadoc for when this is thrown; the message says what and why. */
public class RecordingNotFoundException extends RecordingStoreException {
    public RecordingNotFoundException(String message) {
        super(message);
    }

    public RecordingNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
