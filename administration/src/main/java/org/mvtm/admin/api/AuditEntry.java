package org.mvtm.admin.api;

import java.time.Instant;

/** One administrative change: who did what to which entity, with the entity as JSON before and after (null when absent). */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String entity,
        String entityId,
        String before,
        String after) {}
