package org.mvtm.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.admin.api.FieldError;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.NotFound;
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

/**
 * Refused changes answer 400 with the first bad field on top ({@code {"field": ..., "message": ...}}) and every
 * bad field under {@code errors}; unknown ids answer 404.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // its own answers before RequestsNotUnderstood's
@RestControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {
    @ExceptionHandler(InvalidChange.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidChange e) {
        return bad(e.errors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        UnreadableJson unreadable = UnreadableJson.of(e);
        String field = unreadable.field();
        String message = unreadable.message();
        return bad(List.of(new FieldError(field, message)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return bad(List.of(new FieldError(e.getName(), "has the wrong type: " + e.getValue())));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return ErrorAnswer.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> bad(List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", errors.getFirst().field());
        body.put("message", errors.getFirst().message());
        body.put("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }
}
