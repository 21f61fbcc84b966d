package org.mvtm.admin.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of records, each with the rows of its child tables, read all at once or one by its key: both reads are one
 * {@link #load} with or without the key.
 */
abstract class KeyedRepository<T> {
    final JdbcTemplate jdbc;

    KeyedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<T> all() {
        return load(null);
    }

    Optional<T> find(String key) {
        return load(key).stream().findFirst();
    }

    /** Every record in key order, or only that of key {@code only} (none if there is none) when it is not null. */
    abstract List<T> load(String only);
}
