package org.mvtm.server;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real redis-server on a free loopback port, owned by one test (Debian package redis-server). */
final class RedisServerProcess implements AutoCloseable {
    final int port;
    private final Process process;

    private RedisServerProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static RedisServerProcess start(Path dir) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
            throw new AssertionError("redis-server is missing: apt-get install redis-server (./test.sh does it)");
        }
        int port = ServerProcess.freeTcpPort();
        Process p = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new RedisServerProcess(port, p);
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("redis-server did not start on port " + port);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
