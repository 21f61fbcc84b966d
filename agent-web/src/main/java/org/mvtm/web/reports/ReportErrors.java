package org.mvtm.web.reports;

import java.util.Map;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A region not granted is a 403 naming the field (a bad report parameter: {@code RefusalErrors}). */
@RestControllerAdvice(assignableTypes = ReportsController.class)
class ReportErrors {
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        return ErrorAnswer.naming(HttpStatus.FORBIDDEN, "region", e.getMessage());
    }
}
