package org.mvtm.recording.api;

/** Replay refused because the recording failed verification; {@link #result()} names the first bad segment. */
public class VerificationFailedException extends RecordingStoreException {
    private final transient VerificationResult result;

    public VerificationFailedException(VerificationResult result) {
        super("recording " + result.recording() + " failed verification: " + result.reason());
        this.result = result;
    }

    public VerificationResult result() {
        return result;
    }
}
