package org.mvtm.web.customer;

import java.util.Map;
import org.mvtm.core.Refusal;
import org.mvtm.web.security.ErrorAnswer;
import org.mvtm.web.security.UnreadableJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The customer chat API's errors as {@code {error, message}} with a status a client can act on. */
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // its own answers before RequestsNotUnderstood's
@RestControllerAdvice(assignableTypes = CustomerChatController.class)
class CustomerChatErrors {
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        UnreadableJson u = UnreadableJson.of(e);
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, u.field(),
                "the request body is not the JSON object this endpoint takes: " + u.field() + " " + u.message());
    }

    /**
     * A query parameter of the wrong type ({@code after=x}): named, without Spring's words about Java types. Not left to
     * {@code RequestsNotUnderstood}: this advice comes first, and its IllegalArgumentException handler would answer
     * the mismatch by its cause (a NumberFormatException) without naming the field.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException e) {
        return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + " has the wrong type");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> bad(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(CustomerChatController.MessageTooLongException.class)
    ResponseEntity<Map<String, String>> tooLong(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(CustomerChatController.ConversationNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A customer limit: too many at once (409) or too many too fast (429), with the code the app translates. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal e) {
        HttpStatus status = e.code().equals("limit.rate") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(Map.of("error", status.name(), "code", e.code(),
                "message", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> conflict(IllegalStateException e) {
        return ErrorAnswer.of(HttpStatus.CONFLICT, e.getMessage());
    }
}
