package org.mvtm.routing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * A real redis-server started as a child process on a free port (tests tagged "peer"). A missing binary fails loudly.
 */
final class RedisServerProcess implements AutoCloseable {
    private final Path dir;
    private final boolean appendOnly;
    private Process process;
    private int port;

    private RedisServerProcess(boolean appendOnly) throws IOException {
        this.appendOnly = appendOnly;
        this.dir = Files.createTempDirectory("mvtm-redis");
    }

    static RedisServerProcess start(boolean appendOnly) {
        try {
            RedisServerProcess r = new RedisServerProcess(appendOnly);
            r.port = freePort();
            r.launch();
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void launch() throws IOException {
        String binary = findBinary();
        List<String> cmd = new ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", dir.toString(), "--appendonly", appendOnly ? "yes" : "no"));
        if (appendOnly) {
            cmd.addAll(List.of("--appendfsync", "always"));
        }
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            try (RedisClient c = RedisClient.create(uri())) {
                return "PONG".equals(c.ping());
            }
        });
    }

    private static String findBinary() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(d, "redis-server");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        if (new File("/usr/bin/redis-server").canExecute()) {
            return "/usr/bin/redis-server";
        }
        throw new IllegalStateException("redis-server not found on PATH: install the Debian package 'redis-server' "
                + "(apt-get install redis-server) to run the routing-engine peer tests");
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server (SIGKILL) and starts it again on the same port and data directory. */
    void restart() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp dir
        }
    }
}
