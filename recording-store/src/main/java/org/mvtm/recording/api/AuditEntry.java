package org.mvtm.recording.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One append-only audit line. {@code hash} = SHA-256 over {@code previousHash} and this entry's fields.
 *
 * @param recording recording concerned, if any
 * @param detail    purpose, query, reason or the error message
 */
public record AuditEntry(long sequence, Instant at, String userId, AuditAction action, Optional<String> recording,
                         Outcome outcome, String detail, String previousHash, String hash) {
    public enum Outcome { ALLOWED, DENIED, FAILED }
}
