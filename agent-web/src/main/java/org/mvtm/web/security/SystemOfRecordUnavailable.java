package org.mvtm.web.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that needs the database (the admin console, reports, appointments, compliance's disposition search) while
 * it does not answer: 503 with {@code Retry-After} and {@code {"error":"DATABASE_UNAVAILABLE","message"}}, which the
 * consoles show as it is, instead of a bare 500 and a stack trace a request in the log. Calls and chats go on
 * without the database (docs/operations.md).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SystemOfRecordUnavailable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemOfRecordUnavailable.class);
    static final String MESSAGE = "the database does not answer; try again in a moment";

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<Map<String, String>> unavailable(RuntimeException e) {
        LOG.warn("a request needing the database was answered 503: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(Map.of("error", "DATABASE_UNAVAILABLE", "message", MESSAGE));
    }
}
