package org.mvtm.web.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A request refused naming the field at fault (a document, form or signature that was not stored, a supervisor's
 * action that was not taken): {@link #answer()} is {@code status} with {@code {"error", "field", "message"}}.
 */
public final class RequestRefused extends RuntimeException {
    private final HttpStatus status;
    private final String field;

    public RequestRefused(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static RequestRefused bad(String field, String message) {
        return new RequestRefused(HttpStatus.BAD_REQUEST, field, message);
    }

    public String field() {
        return field;
    }

    /** {@code {"error", "field", "message"}} with the status. */
    public ResponseEntity<Map<String, String>> answer() {
        return ErrorAnswer.naming(status, field, getMessage());
    }
}
