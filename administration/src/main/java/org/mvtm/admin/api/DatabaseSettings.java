package org.mvtm.admin.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the system of record lives: a JDBC URL ({@code jdbc:postgresql://...} in production, or the embedded H2 file
 * database) and its credentials.
 */
public record DatabaseSettings(String url, String user, String password) {
    public DatabaseSettings {
        Objects.requireNonNull(url, "database url");
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException(
                    "database url must start with jdbc:postgresql: or jdbc:h2: but was '" + url + "'");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The embedded default: an H2 file database under {@code directory}, in PostgreSQL compatibility mode. */
    public static DatabaseSettings embedded(Path directory) {
        return new DatabaseSettings(
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("mvtm")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
