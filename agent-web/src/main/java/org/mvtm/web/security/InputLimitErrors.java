package org.mvtm.web.security;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A field over its {@link InputLimits} answers 400 naming the field, on every REST endpoint. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputLimitErrors {
    @ExceptionHandler(InputLimits.FieldTooLongException.class)
    ResponseEntity<Map<String, String>> tooLong(InputLimits.FieldTooLongException e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }
}
