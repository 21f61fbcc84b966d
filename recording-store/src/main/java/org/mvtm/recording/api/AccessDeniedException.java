package org.mvtm.recording.api;

/** See the store's Javadoc for when this is thrown; the message says what and why. */
public class AccessDeniedException extends RecordingStoreException {
    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
