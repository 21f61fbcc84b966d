package org.mvtm.sip.api.speech;

/** A speech engine could not synthesise or recognise; the message names the engine and what went wrong. */
public final class SpeechException extends RuntimeException {
    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
