package org.mvtm.recording.api;

import java.time.Instant;
import java.util.Optional;

/** Filters for reading the audit log (all optional); newest last, at most {@code limit} entries. */
public record AuditQuery(Optional<String> recording, Optional<String> userId, Optional<Instant> from,
                         Optional<Instant> to, int limit) {
    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive but was " + limit);
        }
    }

    /** The filters a person set, as the audit trail shows them: {@code recording=r-1, user=shen, limit=200}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        recording.ifPresent(r -> b.append("recording=").append(r).append(", "));
        userId.ifPresent(u -> b.append("user=").append(u).append(", "));
        from.ifPresent(f -> b.append("from=").append(f).append(", "));
        to.ifPresent(t -> b.append("to=").append(t).append(", "));
        return b.append("limit=").append(limit).toString();
    }

    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10_000);
    }

    public static AuditQuery forRecording(String recordingId) {
        return new AuditQuery(Optional.of(recordingId), Optional.empty(), Optional.empty(), Optional.empty(), 10_000);
    }
}
