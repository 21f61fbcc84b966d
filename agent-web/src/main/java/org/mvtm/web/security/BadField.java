package org.mvtm.web.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A request field (header, parameter or body property) that is missing or wrong: 400 naming {@code field}. */
public final class BadField extends IllegalArgumentException {
    private final String field;

    public BadField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The 400 answer: {@code {"error": "BAD_REQUEST", "field", "message"}}. */
    public ResponseEntity<Map<String, String>> answer() {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, field, getMessage());
    }
}
