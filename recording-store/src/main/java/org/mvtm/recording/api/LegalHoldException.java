package org.mvtm.recording.api;

/** See the store's Javadoc for when this is thrown; the message says what and why. */
public class LegalHoldException extends RecordingStoreException {
    public LegalHoldException(String message) {
        super(message);
    }

    public LegalHoldException(String message, Throwable cause) {
        super(message, cause);
    }
}
