package org.mvtm.admin.internal;

import static org.mvtm.admin.internal.Timestamps.at;
import static org.mvtm.admin.internal.Timestamps.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.Disposition;
import org.mvtm.admin.api.DispositionRecords;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link DispositionRecords} in table {@code interaction_dispositions}, one row per interaction. */
final class JdbcDispositions implements DispositionRecords {
    private static final int MAX_NOTES = 4000;
    private final JdbcTemplate jdbc;

    JdbcDispositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(Disposition d) {
        String notes = d.notes() == null ? "" : d.notes();
        if (notes.length() > MAX_NOTES) {
            notes = notes.substring(0, MAX_NOTES);
        }
        return jdbc.update(
                        "INSERT INTO interaction_dispositions (interaction_id, advisor, region, code, notes, "
                                + "disposed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        d.interactionId(),
                        d.advisor(),
                        d.region(),
                        d.code(),
                        notes,
                        time(d.at()))
                == 1;
    }

    @Override
    public Optional<Disposition> of(String interactionId) {
        return jdbc
                .query(
                        "SELECT * FROM interaction_dispositions WHERE interaction_id = ?",
                        JdbcDispositions::row,
                        interactionId)
                .stream()
                .findFirst();
    }

    @Override
    public List<Disposition> between(Instant from, Instant to, int limit) {
        return jdbc.query(
                "SELECT * FROM interaction_dispositions WHERE disposed_at >= ? AND disposed_at < ? "
                        + "ORDER BY disposed_at, interaction_id LIMIT ?",
                JdbcDispositions::row,
                time(from),
                time(to),
                Math.max(0, Math.min(limit, 10_000)));
    }

    private static Disposition row(ResultSet rs, int i) throws SQLException {
        return new Disposition(
                rs.getString("interaction_id"),
                rs.getString("advisor"),
                rs.getString("region"),
                rs.getString("code"),
                rs.getString("notes"),
                at(rs, "disposed_at"));
    }
}
