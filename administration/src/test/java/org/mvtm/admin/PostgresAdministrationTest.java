package org.mvtm.admin;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mvtm.admin.api.DatabaseSettings;

/** The system of record on a real PostgreSQL 15 started by the test on a free port. */
@Tag("peer")
@ExtendWith(PostgresExtension.class)
class PostgresAdministrationTest extends AdministrationContract {
    static PostgresProcess postgres;

    @BeforeAll
    static void usePostgres(PostgresProcess shared) {
        postgres = shared;
    }

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return postgres.newDatabase();
    }
}
