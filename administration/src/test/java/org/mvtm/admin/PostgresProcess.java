package org.mvtm.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.testing.FreePorts;

/**
 * A real PostgreSQL (Debian's postgresql 15) in a temporary directory on a free loopback port, owned by one test:
 * initdb + pg_ctl, run as the {@code postgres} user when the test runs as root (PostgreSQL refuses root).
 * Shared with the server's tests through this module's test jar.
 */
public final class PostgresProcess implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    public static final String USER = "mvtm";
    public static final String PASSWORD = "pg-test-secret-1";

    public final int port;
    private final Path dir;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresProcess(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static PostgresProcess start() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new AssertionError("PostgreSQL 15 is missing: apt-get install postgresql (./test.sh does it)");
        }
        Path dir = Files.createTempDirectory("mvtm-pg");
        int port = FreePorts.tcp();
        Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n");
        if (root()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
        }
        run(
                postgres(
                        "initdb",
                        dir,
                        "-U",
                        USER,
                        "--pwfile=" + dir.resolve("pwfile"),
                        "--auth=scram-sha-256",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8"),
                dir);
        PostgresProcess postgres = new PostgresProcess(port, dir);
        postgres.serve();
        return postgres;
    }

    /**
     * Stops the server (fast shutdown: connections are cut), runs {@code whileDown} (e.g. what a client does while
     * the database does not answer) and starts it again on the same port and data, also when {@code whileDown} fails.
     */
    public void restartAfter(Runnable whileDown) throws Exception {
        run(postgres("pg_ctl", dir, "-m", "fast", "-w", "stop"), dir);
        try {
            whileDown.run();
        } finally {
            serve();
        }
    }

    private void serve() throws IOException, InterruptedException {
        run(
                postgres(
                        "pg_ctl",
                        dir,
                        "-w",
                        "-t",
                        "60",
                        "-l",
                        dir.resolve("postgres.log").toString(),
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                        "start"),
                dir);
    }

    /** A new, empty database owned by {@link #USER}. */
    public DatabaseSettings newDatabase() throws SQLException {
        String name = "mvtm_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/" + name, USER, PASSWORD);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL's {@code tool} on the data directory under {@code dir}, as the {@code postgres} user when root. */
    private static List<String> postgres(String tool, Path dir, String... args) {
        List<String> all = new ArrayList<>();
        if (root()) {
            all.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        all.addAll(
                List.of(BIN.resolve(tool).toString(), "-D", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return all;
    }

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pg-cmd", ".log");
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " failed:\n" + Files.readString(out));
        }
        Files.deleteIfExists(out);
    }

    @Override
    public void close() throws Exception {
        try {
            run(postgres("pg_ctl", dir, "-m", "immediate", "-w", "stop"), dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }
}
