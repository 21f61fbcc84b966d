package org.mvtm.web.pci;

import java.util.Map;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The body of a PCI pause request, {@code {"paused": true|false, "reason": "..."}}, from the advisor's console or
 * the customer's app; without {@code paused} the answer is 400 naming the field.
 */
public record PciPauseChange(Boolean paused, String reason) {

    /** Whether {@code change} asks to pause; {@link PausedMissing} (400) when it does not say. */
    public static boolean paused(PciPauseChange change) {
        if (change == null || change.paused() == null) {
            throw new PausedMissing();
        }
        return change.paused();
    }

    /** A PCI pause request without {@code paused}. */
    public static final class PausedMissing extends RuntimeException {
        PausedMissing() {
            super("paused is required (true to pause the recording, false to resume)");
        }
    }

    /** {@link PausedMissing} as the API's field error. */
    @RestControllerAdvice
    static class Errors {
        @ExceptionHandler(PausedMissing.class)
        ResponseEntity<Map<String, String>> bad(PausedMissing e) {
            return ErrorAnswer.naming(HttpStatus.BAD_REQUEST, "paused", e.getMessage());
        }
    }
}
