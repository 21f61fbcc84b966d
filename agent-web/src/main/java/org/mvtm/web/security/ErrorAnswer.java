package org.mvtm.web.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer of a refused API call that names no field: {@code status} with {@code {"error": status, "message"}}. */
public final class ErrorAnswer {
    private ErrorAnswer() {
    }

    public static ResponseEntity<Map<String, String>> of(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", status.name(), "message", message));
    }
}
