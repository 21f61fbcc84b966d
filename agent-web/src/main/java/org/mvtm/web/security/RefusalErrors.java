package org.mvtm.web.security;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals that say their own answer, answered alike on every REST endpoint: a field over its
 * {@link InputLimits} or otherwise bad ({@link BadField}) is 400 naming the field, a refused call-bound request
 * ({@link CallRefused}) or one refused naming its field ({@link RequestRefused}) answers with its status. A controller
 * that answers one in a format of its own handles it itself. First among the advices: an advice's handler of
 * IllegalArgumentException would otherwise answer a too-long or bad field without naming it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalErrors {
    @ExceptionHandler(InputLimits.FieldTooLongException.class)
    ResponseEntity<Map<String, String>> tooLong(InputLimits.FieldTooLongException e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }

    @ExceptionHandler(BadField.class)
    ResponseEntity<Map<String, String>> badField(BadField e) {
        return e.answer();
    }

    @ExceptionHandler(CallRefused.class)
    ResponseEntity<Map<String, String>> callRefused(CallRefused e) {
        return e.answer();
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<Map<String, String>> requestRefused(RequestRefused e) {
        return e.answer();
    }
}
