package org.mvtm.media.api;

/** Bad media input (SDP, leg id, party, file) or a media resource that could not be obtained. */
public class MediaException extends RuntimeException {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
