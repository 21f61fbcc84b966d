package org.mvtm.web.security;

import java.util.Map;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A request about a call or chat refused, with the status to answer: FORBIDDEN when it is not the user's to see or
 * act on, NOT_FOUND when there is no such open interaction (or conversation), CONFLICT when it is not in a state to
 * do it (no advisor connected yet, nothing to share). The message says which.
 */
public final class CallRefused extends RuntimeException {
    private final HttpStatus status;

    public CallRefused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static CallRefused forbidden(String message) {
        return new CallRefused(HttpStatus.FORBIDDEN, message);
    }

    public static CallRefused notFound(String message) {
        return new CallRefused(HttpStatus.NOT_FOUND, message);
    }

    /** The user's advisor id; a user who is no advisor is refused (403). */
    public static AgentId advisor(WebUser user) {
        return RequestIds.advisor(user, CallRefused::forbidden);
    }

    /** The interaction named in a request's path; a value that is no interaction id is refused as an unknown one. */
    public static InteractionId interaction(String value) {
        return RequestIds.interaction(value, CallRefused::notFound);
    }

    public HttpStatus status() {
        return status;
    }

    /** The answer: the status with {@code {"error", "message"}}. */
    public ResponseEntity<Map<String, String>> answer() {
        return ErrorAnswer.of(status, getMessage());
    }
}
