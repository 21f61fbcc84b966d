package org.mvtm.web.documents;

import java.util.Map;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A document, form or signature refused: the answer names the field and nothing was stored. */
public final class DocumentRefused extends RuntimeException {
    private final HttpStatus status;
    private final String field;

    public DocumentRefused(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static DocumentRefused bad(String field, String message) {
        return new DocumentRefused(HttpStatus.BAD_REQUEST, field, message);
    }

    public String field() {
        return field;
    }

    /** {@code {"error", "field", "message"}} with the status. */
    public ResponseEntity<Map<String, String>> answer() {
        return ErrorAnswer.naming(status, field, getMessage());
    }
}
