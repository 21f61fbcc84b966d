package org.mvtm.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.mvtm.chatbot.api.KnowledgeBaseRejected;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The knowledge-base api's errors as {@code {error, message}}; a refused CSV adds {@code problems}, each with its
 * row, column and message.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // its own answers before RequestsNotUnderstood's
@RestControllerAdvice(assignableTypes = KnowledgeBaseController.class)
class KnowledgeBaseErrors {
    @ExceptionHandler(KnowledgeBaseRejected.class)
    ResponseEntity<Map<String, Object>> rejected(KnowledgeBaseRejected e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", HttpStatus.BAD_REQUEST.name());
        body.put("message", String.valueOf(e.getMessage()));
        body.put("problems", e.problems().stream().map(KnowledgeBaseController.Problem::of).toList());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ErrorAnswer.of(HttpStatus.BAD_REQUEST, "the request body is not the JSON object this endpoint takes,"
                + " e.g. {\"questions\":[\"how do I open an account?\"]}");
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> bad(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.BAD_REQUEST, e instanceof MethodArgumentTypeMismatchException m
                ? m.getName() + " must be a number but was '" + m.getValue() + "'" : e.getMessage());
    }

    @ExceptionHandler(KnowledgeBaseController.TooLarge.class)
    ResponseEntity<Map<String, String>> tooLarge(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler({KnowledgeBaseController.NotFound.class, NoSuchElementException.class})
    ResponseEntity<Map<String, String>> notFound(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> conflict(IllegalStateException e) {
        return ErrorAnswer.of(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(KnowledgeBaseController.NotConfigured.class)
    ResponseEntity<Map<String, String>> notConfigured(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
