package org.mvtm.web.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answers of refused API calls, each in one of the few shapes the pages and the bank's app read. */
public final class ErrorAnswer {
    private ErrorAnswer() {
    }

    /** A refusal that names no field: {@code status} with {@code {"error": status, "message"}}. */
    public static ResponseEntity<Map<String, String>> of(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", status.name(), "message", String.valueOf(message)));
    }

    /** A refusal that names the field at fault: {@code status} with {@code {"error": status, "field", "message"}}. */
    public static ResponseEntity<Map<String, String>> naming(HttpStatus status, String field, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", status.name());
        body.put("field", field);
        body.put("message", String.valueOf(message));
        return ResponseEntity.status(status).body(body);
    }

    /** The media relay refused the leg: 409 with {@code {"error": "MEDIA", "message"}}. */
    public static ResponseEntity<Map<String, String>> media(String message) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "MEDIA", "message",
                String.valueOf(message)));
    }
}
