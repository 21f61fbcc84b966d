package org.mvtm.admin.internal;

import static org.mvtm.admin.internal.Timestamps.at;
import static org.mvtm.admin.internal.Timestamps.time;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.AuditEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The admin audit trail (table admin_audit): written in the same transaction as the change it records. */
record AuditLog(JdbcTemplate jdbc, JsonMapper json) {
    void record(Instant at, String actor, String action, String entity, String id, Object before, Object after) {
        jdbc.update(
                "INSERT INTO admin_audit (changed_at, actor, action, entity, entity_id, before_json, after_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                time(at),
                actor,
                action,
                entity,
                id,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after));
    }

    List<AuditEntry> newest(Optional<String> entity, int limit) {
        String where = entity.isPresent() ? " WHERE entity = ?" : "";
        Object[] args = entity.isPresent() ? new Object[] {entity.get(), limit} : new Object[] {limit};
        return jdbc.query(
                "SELECT id, changed_at, actor, action, entity, entity_id, before_json, after_json FROM admin_audit"
                        + where + " ORDER BY id DESC LIMIT ?",
                (rs, i) -> new AuditEntry(
                        rs.getLong(1),
                        at(rs, 2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)),
                args);
    }
}
