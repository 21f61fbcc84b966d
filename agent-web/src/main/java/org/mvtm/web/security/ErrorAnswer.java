package org.mvtm.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of refused API calls, each in one of the few shapes the pages and the bank's app read: from a controller
 * or its advice as a {@link ResponseEntity}, from a servlet filter or a security entry point (where no controller
 * runs) written to the response ({@link #write}).
 */
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

    /**
     * Writes a refusal where no controller runs: {@code status} with {@code {"error", "field" (when not null),
     * "message"}} as JSON; {@code error} is the status's name unless given.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String error, String field,
                             String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error == null ? status.name() : error);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", String.valueOf(message));
        writeJson(response, status, body);
    }

    /** Writes {@code body} as JSON with {@code status}, where no controller runs. */
    public static void writeJson(HttpServletResponse response, HttpStatus status, Map<String, ?> body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JsonMapper.shared().writeValueAsString(body));
    }
}
