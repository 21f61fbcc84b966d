package org.mvtm.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (Debian package {@code redis-server}) started as a child process on a free loopback port for
 * one test, in its own temporary directory, and removed with it. A missing binary fails loudly with the package to
 * install. With append-only persistence it survives {@link #restart()} (a SIGKILL and a start on the same port).
 */
public final class RedisServerProcess implements AutoCloseable {
    private final Path dir;
    private final boolean appendOnly;
    private final int port;
    private Process process;

    private RedisServerProcess(Path dir, boolean appendOnly, int port) {
        this.dir = dir;
        this.appendOnly = appendOnly;
        this.port = port;
    }

    /** A server without persistence. */
    public static RedisServerProcess start() {
        return start(false);
    }

    /** A server that writes every change to its append-only file first (so a restart keeps the data). */
    public static RedisServerProcess start(boolean appendOnly) {
        try {
            RedisServerProcess redis = new RedisServerProcess(Files.createTempDirectory("mvtm-redis"), appendOnly,
                    FreePorts.tcp());
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, as {@code contact.redis.url} takes it. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server (SIGKILL) and starts it again on the same port and data directory. */
    public void restart() {
        restartAfter(() -> { });
    }

    /**
     * Kills the server (SIGKILL), runs {@code whileDown} (e.g. waits until a client has noticed the outage) and
     * starts the server again on the same port and data directory.
     */
    public void restartAfter(Runnable whileDown) {
        kill();
        whileDown.run();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart redis-server: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        kill();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans up what is left
        }
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", dir.toString(), "--appendonly", appendOnly ? "yes" : "no"));
        if (appendOnly) {
            cmd.addAll(List.of("--appendfsync", "always"));
        }
        Path log = dir.resolve("redis.log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited: " + Files.readString(log));
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while redis-server started", e);
            }
        }
        kill();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + ": " + Files.readString(log));
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false; // not listening yet, or still loading its data
        }
    }

    private void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String binary() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(d, "redis-server");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        if (new File("/usr/bin/redis-server").canExecute()) {
            return "/usr/bin/redis-server";
        }
        throw new IllegalStateException("redis-server is not installed: install the Debian package 'redis-server' "
                + "(./test.sh does it)");
    }
}
