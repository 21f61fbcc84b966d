package org.mvtm.recording.api;

import java.util.Optional;

/** Result of re-checking the audit chain: ok, or the first entry whose hash or link does not match. */
public record AuditVerification(boolean ok, long entries, Optional<Long> firstBadSequence, String reason) {
}
