package org.mvtm.recording.api;

/** See the store's Javadoc for when this is thrown; the message says what and why. */
public class RecordingStoreException extends RuntimeException {
    public RecordingStoreException(String message) {
        super(message);
    }

    public RecordingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
