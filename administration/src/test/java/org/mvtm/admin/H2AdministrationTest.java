package org.mvtm.admin;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.api.DatabaseSettings;

/** The system of record on the embedded default: an H2 file database in PostgreSQL compatibility mode. */
class H2AdministrationTest extends AdministrationContract {
    @TempDir
    Path dir;

    @Override
    DatabaseSettings newDatabase() {
        return DatabaseSettings.embedded(dir.resolve("db"));
    }
}
