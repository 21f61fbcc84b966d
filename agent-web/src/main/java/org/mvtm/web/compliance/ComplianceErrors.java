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
        return ErrorAnswer.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(RecordingNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(RecordingNotFoundException e) {
        return ErrorAnswer.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({VerificationFailedException.class, LegalHoldException.class, DeletionNotRequestedException.class})
    ResponseEntity<Map<String, String>> conflict(RecordingStoreException e) {
        return ErrorAnswer.of(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    ResponseEntity<Map<String, String>> bad(RuntimeException e) {
        return ErrorAnswer.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
