package org.mvtm.web.security;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A request the endpoint could not even read, answered alike on every REST endpoint whose package does not answer it
 * in a format of its own (the admin API, the knowledge base, the customer chat): 400 naming the field (a JSON body
 * that is not JSON is the field {@code body}; a property of the wrong type, its path; a query or path parameter of
 * the wrong type or missing, its name), 415 naming {@code Content-Type} for a body that is not JSON. Before, these
 * endpoints answered Spring's bare 400 with no field and no words, or an advice's handler of IllegalArgumentException
 * (which a parameter's NumberFormatException reaches as the cause) answered with Spring's own words, naming Java
 * types. After the advices with answers of their own for these, before every other.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestsNotUnderstood {
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        UnreadableJson u = UnreadableJson.of(e);
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, u.field(), u.message());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, e.getName(), "has the wrong type or an unknown value");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, e.getParameterName(), "is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> notJson(HttpMediaTypeNotSupportedException e) {
        return ErrorAnswer.naming(HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE,
                "send the body as application/json");
    }
}
