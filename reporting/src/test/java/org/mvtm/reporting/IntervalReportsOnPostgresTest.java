package org.mvtm.reporting;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.mvtm.admin.PostgresProcess;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.reporting.api.ReportingDatabase;

/** The same scripted workload with the interval records on a real PostgreSQL 15, the production database. */
@Tag("peer")
class IntervalReportsOnPostgresTest extends IntervalReportsMatchTheWorkloadTest {
    static PostgresProcess postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresProcess.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    ReportingDatabase database() throws Exception {
        DatabaseSettings db = postgres.newDatabase();
        return new ReportingDatabase(db.url(), db.user(), db.password());
    }
}
