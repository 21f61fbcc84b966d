package org.mvtm.recording.api;

/** What was attempted. */
public enum AuditAction {
    SEARCH, DESCRIBE, TIMELINE, LEGS, REPLAY, VERIFY, EXPORT, READ_AUDIT, LEGAL_HOLD, RELEASE_HOLD, DELETE,
    RETENTION_DELETE, REWRAP, RECOVERED
}
