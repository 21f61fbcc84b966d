package org.mvtm.web.security;

import java.util.Map;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A request about a call or chat refused: {@link #forbidden()} when it is not the user's to see or act on (403),
 * otherwise there is no such open interaction, or not of the kind asked for (404). The message says which.
 */
public final class CallRefused extends RuntimeException {
    private final boolean forbidden;

    public CallRefused(boolean forbidden, String message) {
        super(message);
        this.forbidden = forbidden;
    }

    /** The user's advisor id; a user who is no advisor is refused (403). */
    public static AgentId advisor(WebUser user) {
        return RequestIds.advisor(user, message -> new CallRefused(true, message));
    }

    /** The interaction named in a request's path; a value that is no interaction id is refused as an unknown one. */
    public static InteractionId interaction(String value) {
        return RequestIds.interaction(value, message -> new CallRefused(false, message));
    }

    public boolean forbidden() {
        return forbidden;
    }

    /** The answer: 403 or 404 with {@code {"error", "message"}}. */
    public ResponseEntity<Map<String, String>> answer() {
        return ErrorAnswer.of(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND, getMessage());
    }
}
