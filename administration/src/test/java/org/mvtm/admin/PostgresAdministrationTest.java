package org.mvtm.admin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.mvtm.admin.api.DatabaseSettings;

/** The system of record on a real PostgreSQL 15 started by the test on a free port. */
@Tag("peer")
class PostgresAdministrationTest extends AdministrationContract {
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
    DatabaseSettings newDatabase() throws Exception {
        return postgres.newDatabase();
    }
}
