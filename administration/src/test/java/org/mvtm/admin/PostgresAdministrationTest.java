package org.mvtm.admin;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mvtm.admin.api.DatabaseSettings;

/** The system of record on a real PostgreSQL 15 started by the test on a free port. */
@Tag("peer")
@ExtendWith(PostgresExtension.class)
class PostgresAdministrationTest extends AdministrationContract {
    private final PostgresProcess postgres;

    /** The run's one PostgreSQL, from {@link PostgresExtension}; each test takes a new database on it. */
    PostgresAdministrationTest(PostgresProcess postgres) {
        this.postgres = postgres;
    }

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return postgres.newDatabase();
    }
}
