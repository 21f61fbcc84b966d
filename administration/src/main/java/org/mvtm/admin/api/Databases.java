package org.mvtm.admin.api;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The database layer the server's two users of its database share (the system of record, and interval reporting in
 * its own schema): a small connection pool whose requests fail after 5 s when the database does not answer, and the
 * schema migrated by Flyway before anything uses it.
 */
public final class Databases {
    private Databases() {}

    /**
     * Connects to {@code database} with a pool of {@code poolSize} named {@code poolName}, and migrates it as
     * {@code migrations} says (locations, schema, history table); a pool whose migration fails is closed again.
     */
    public static HikariDataSource openMigrated(
            DatabaseSettings database, String poolName, int poolSize, UnaryOperator<FluentConfiguration> migrations) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(poolName);
        // a request that needs the database is answered with an error after 5 s when it does not answer, not 30 s
        config.setConnectionTimeout(5_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrations.apply(Flyway.configure().dataSource(ds)).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return ds;
    }
}
