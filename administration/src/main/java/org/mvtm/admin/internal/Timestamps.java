package org.mvtm.admin.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How the system of record keeps an instant: a {@code TIMESTAMP WITH TIME ZONE} column, written in UTC. */
public final class Timestamps {
    private Timestamps() {}

    /** The column value for {@code at}. */
    public static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** The instant in the named column of the current row. */
    public static Instant at(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The instant in the numbered column (from 1) of the current row. */
    public static Instant at(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
