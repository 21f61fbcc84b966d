package org.mvtm.reporting;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mvtm.admin.PostgresExtension;
import org.mvtm.admin.PostgresProcess;
import org.mvtm.admin.api.DatabaseSettings;

/** The same scripted workload with the interval records on a real PostgreSQL 15, the production database. */
@Tag("peer")
@ExtendWith(PostgresExtension.class)
class IntervalReportsOnPostgresTest extends IntervalReportsMatchTheWorkloadTest {
    private final PostgresProcess postgres;

    /** The run's one PostgreSQL, from {@link PostgresExtension}; each test takes a new database on it. */
    IntervalReportsOnPostgresTest(PostgresProcess postgres) {
        this.postgres = postgres;
    }

    @Override
    DatabaseSettings database() throws Exception {
        DatabaseSettings db = postgres.newDatabase();
        return db;
    }
}
