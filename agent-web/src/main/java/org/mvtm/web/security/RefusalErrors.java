package org.mvtm.web.security;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused call-bound request ({@link CallRefused}) or one refused naming its field ({@link RequestRefused}) answers
 * as it says, on every REST endpoint; a controller that answers it in a format of its own handles it itself.
 */
@RestControllerAdvice
class RefusalErrors {
    @ExceptionHandler(CallRefused.class)
    ResponseEntity<Map<String, String>> callRefused(CallRefused e) {
        return e.answer();
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<Map<String, String>> requestRefused(RequestRefused e) {
        return e.answer();
    }
}
