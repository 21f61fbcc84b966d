package org.mvtm.web.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mvtm.web.security.BadField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A bad report parameter is a 400 naming the field; a region not granted is a 403. */
@RestControllerAdvice(assignableTypes = ReportsController.class)
class ReportErrors {
    @ExceptionHandler(BadField.class)
    ResponseEntity<Map<String, String>> badField(BadField e) {
        return e.answer();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", HttpStatus.FORBIDDEN.name());
        body.put("field", "region");
        body.put("message", e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }
}
