package org.mvtm.web.compliance;

import java.time.format.DateTimeParseException;
import java.util.Map;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.DeletionNotRequestedException;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.VerificationFailedException;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the recording store's errors to HTTP statuses with the store's message (a bad field: {@code RefusalErrors}). */
@RestControllerAdvice(assignableTypes = {ComplianceController.class, RecordingDisposalController.class,
        ComplianceDispositionsController.class})
class ComplianceErrors {
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler(RecordingNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(RecordingNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler({VerificationFailedException.class, LegalHoldException.class, DeletionNotRequestedException.class})
    ResponseEntity<Map<String, String>> conflict(RecordingStoreException e) {
        return error(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    ResponseEntity<Map<String, String>> bad(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, Exception e) {
        return ErrorAnswer.of(status, String.valueOf(e.getMessage()));
    }
}
