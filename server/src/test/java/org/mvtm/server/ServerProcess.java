package org.mvtm.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.testing.FreePorts;
import org.mvtm.testing.RedisServerProcess;

/**
 * The real server in a child JVM, started the way the README's run command starts it (same main class, same
 * defaults), with its own ports and data directory. Output goes to a log file the test can read.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern BOOTSTRAP_TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"");

    final int httpPort;
    final int sipPort;
    final Path dataDir;
    final Path log;
    private final Process process;

    private ServerProcess(int httpPort, int sipPort, Path dataDir, Path log, Process process) {
        this.httpPort = httpPort;
        this.sipPort = sipPort;
        this.dataDir = dataDir;
        this.log = log;
        this.process = process;
    }

    static ServerProcess start(Path workDir, String... extraArgs) throws IOException {
        int[] ports = FreePorts.tcpAndUdp(2);
        int http = ports[0];
        int sip = ports[1];
        Path data = workDir.resolve("data");
        Path log = workDir.resolve("server.log");
        var args = new java.util.LinkedHashMap<String, String>();
        args.put("server.port", String.valueOf(http));
        args.put("contact.public-url", "http://127.0.0.1:" + http);
        args.put("contact.sip.udp-port", String.valueOf(sip));
        args.put("contact.sip.tcp-port", String.valueOf(sip));
        args.put("contact.sip.tls-port", "0");
        args.put("contact.data-dir", data.toString());
        // two servers and two browsers share two cores here: a hand-over late by more than the default 250 ms would
        // make the edge answer a test's call 503 Overloaded (the shedding itself is tested in sip-edge's OverloadTest
        // and CallAdmissionTest, and CapacityBenchmark sets the default back)
        args.put("contact.sip.max-queue-delay", "5s");
        // likewise a recording that starts more than the default 5 s after its accept (a browser test's load) would
        // make the edge refuse the next call: tested in JourneyCoordinatorTest and sip-edge's OverloadTest
        args.put("contact.sip.max-recording-lag", "60s");
        for (String extra : extraArgs) {
            String kv = extra.substring(2);
            int eq = kv.indexOf('=');
            args.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<String> cmd = new ArrayList<>(ServerLaunch.javaCommand());
        args.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(http, sip, data, log, p);
    }

    /**
     * Starts node {@code id} of the cluster that shares {@code redis} and whose nodes present {@code secret} to each
     * other, its browser media on any free port, with {@code more}.
     */
    public static ServerProcess startNode(Path workDir, String id, RedisServerProcess redis, String secret, String... more)
            throws IOException {
        return start(workDir, Stream.concat(Stream.of("--contact.node-id=" + id, "--contact.redis.url=" + redis.uri(),
                "--contact.cluster.secret=" + secret, "--contact.media.port-min=0", "--contact.media.port-max=0"),
                Stream.of(more)).toArray(String[]::new));
    }

    /** {@code more}, and the arguments that keep the server's system of record in the PostgreSQL database {@code db}. */
    static String[] onDatabase(DatabaseSettings db, String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("--contact.database.url=" + db.url(), "--contact.database.user=" + db.user(),
                "--contact.database.password=" + db.password()));
        return args.toArray(String[]::new);
    }

    static int freeTcpPort() {
        return FreePorts.tcp();
    }

    static int freeUdpPort() {
        return FreePorts.udp();
    }

    /** The server JVM's process id (bench/capacity.sh reads its CPU time). */
    long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Waits until /actuator/health says UP; fails with the server's log when it exits, and with where its start is
     * stuck (threads) and the log's digest when it times out.
     */
    public void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                var res = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200 && res.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server not healthy within " + timeout + ":\n" + startThreads() + logDigest());
    }

    /**
     * Where a start that never becomes healthy is stuck, from {@code jcmd Thread.print}: the tops of the stacks of the
     * server's main thread (which runs Spring's start-up) and of every thread in our code, with their frames of our
     * code and of Spring's context below that, and the other threads' names and states.
     */
    private String startThreads() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            StringBuilder out = new StringBuilder("server threads (jcmd Thread.print):\n");
            for (String thread : text.split("\n\n")) {
                List<String> lines = thread.lines().toList();
                if (lines.isEmpty() || !lines.get(0).startsWith("\"")) {
                    continue;
                }
                boolean telling = lines.get(0).startsWith("\"main\"") || thread.contains("org.mvtm.");
                out.append(String.join("\n", lines.subList(0, Math.min(telling ? 30 : 2, lines.size())))).append('\n');
                if (telling) { // below the top of a deep stack: our frames and Spring's context (which bean, which phase)
                    lines.stream().skip(30).filter(l -> l.contains("org.mvtm.") || l.contains("springframework.context"))
                            .forEach(l -> out.append(l).append('\n'));
                }
            }
            return out.toString();
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("server did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: the node dies without a word, as in a power loss. */
    void kill() {
        process.destroyForcibly();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * What a failing test shows of the server's log: its warnings and errors (the first 60) and its last 80 lines,
     * not the whole log, so the test's own message is not buried under Spring's start-up lines.
     */
    String logDigest() {
        List<String> all = output().lines().toList();
        List<String> warnings = all.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).limit(60).toList();
        return "server log, warnings and errors (" + warnings.size() + " shown):\n" + String.join("\n", warnings)
                + "\nserver log, last lines:\n" + String.join("\n", all.subList(Math.max(0, all.size() - 80), all.size()));
    }

    /** The one-time token a first start without the demo prints, with which the bank's first administrator signs in. */
    String bootstrapToken() {
        Matcher token = BOOTSTRAP_TOKEN.matcher(output());
        if (!token.find()) {
            throw new AssertionError("the first start prints a one-time token:\n" + output());
        }
        return token.group(1);
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
