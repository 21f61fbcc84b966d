package org.mvtm.reporting.api;

import java.util.Objects;

/**
 * The database the interval records live in: the system of record's JDBC URL ({@code jdbc:postgresql:} or
 * {@code jdbc:h2:}); the records use their own schema {@code reporting} with their own migration history.
 */
public record ReportingDatabase(String url, String user, String password) {
    public ReportingDatabase {
        Objects.requireNonNull(url, "database url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }
}
