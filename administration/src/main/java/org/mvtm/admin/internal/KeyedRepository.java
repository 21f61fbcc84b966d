package org.mvtm.admin.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of records, each with the rows of its child tables, read all at once or one by its key: both reads are one
 * {@link #load}, of every record or of the {@link Selection} of one key.
 */
abstract class KeyedRepository<T> {
    final JdbcTemplate jdbc;

    KeyedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<T> all() {
        return load(Selection.ALL);
    }

    Optional<T> find(String key) {
        return load(new Selection(key)).stream().findFirst();
    }

    /** The selected records in key order (none if the one key has no record). */
    abstract List<T> load(Selection only);

    /** Which records a {@link #load} reads: every one ({@code key} null) or only the one whose key is {@code key}. */
    record Selection(String key) {
        static final Selection ALL = new Selection(null);

        /** The condition {@code " WHERE column = ?"} on the key column, or nothing when every record is read. */
        String where(String column) {
            return condition(" WHERE ", column);
        }

        /** The same condition for a query that has a WHERE of its own: {@code " AND column = ?"}. */
        String and(String column) {
            return condition(" AND ", column);
        }

        /** The arguments of the condition: the key, or none. */
        Object[] args() {
            return key == null ? new Object[0] : new Object[] {key};
        }

        private String condition(String keyword, String column) {
            return key == null ? "" : keyword + column + " = ?";
        }
    }
}
