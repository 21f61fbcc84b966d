package org.mvtm.web.agent;

/** The signed-in user is not an advisor, or the interaction is not connected with them: answered 403. */
final class NotYourCall extends RuntimeException {
    NotYourCall(String message) {
        super(message);
    }
}
