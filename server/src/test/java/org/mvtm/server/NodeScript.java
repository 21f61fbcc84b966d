package org.mvtm.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one of the project's Playwright scripts with node against a running server, Debian's Chromium driving the
 * real pages. Fails loudly when node or the browser harness is missing (./test.sh installs both).
 */
final class NodeScript implements AutoCloseable {
    static final Path REPO = Path.of(System.getProperty("mvtm.project.dir", "..")).toAbsolutePath().normalize();
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Void> drained;

    private NodeScript(Process process, Consumer<String> onLine) {
        this.process = process;
        this.drained = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    onLine.accept(line);
                }
            } catch (IOException e) {
                output.append("(output lost: ").append(e).append(")\n");
            }
        });
    }

    static NodeScript start(String script, Map<String, String> env, Consumer<String> onLine) throws IOException {
        Path modules = REPO.resolve("tools/browser/node_modules/playwright-core");
        if (!Files.isDirectory(modules)) {
            throw new AssertionError("playwright-core is not installed in tools/browser: run ./test.sh (npm ci in tools/browser)");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            throw new AssertionError("Chromium is missing: apt-get install chromium (./test.sh does it)");
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("node", REPO.resolve(script).toString()))
                .directory(REPO.toFile()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", REPO.resolve("tools/browser/node_modules").toString());
        pb.environment().put("MVTM_REPO", REPO.toString());
        pb.environment().putAll(env);
        return new NodeScript(pb.start(), onLine);
    }

    /**
     * Runs {@code script} against {@code server} to its end (four minutes at most) and returns what it printed, once
     * it printed {@code ok} and exited 0; a failure shows the script's output and the server's log.
     */
    static String run(String script, Map<String, String> env, ServerProcess server, String ok, Consumer<String> onLine)
            throws Exception {
        try (NodeScript node = start(script, env, onLine)) {
            node.awaitPrinted(ok, Duration.ofMinutes(4), server.logDigest());
            return node.output();
        }
    }

    /**
     * Waits for the script to end and fails unless it printed {@code ok} and exited 0. The failure starts with the
     * script's own output (the step it failed at), then {@code context}: a peer's log, the server's log digest.
     */
    void awaitPrinted(String ok, Duration timeout, String context) throws Exception {
        int exit = await(timeout);
        if (!output().contains(ok) || exit != 0) {
            throw new AssertionError("browser script exited " + exit + " without printing \"" + ok + "\"; it printed:\n"
                    + output() + "\n" + context);
        }
    }

    /**
     * The environment of one {@code scenario} of a browser script against {@code server}'s demo data: its base URL,
     * the scenario, the demo users' password and where screenshots go. A new map: a test adds what its script needs.
     */
    static Map<String, String> scenarioEnv(ServerProcess server, String scenario) {
        Map<String, String> env = new HashMap<>();
        env.put("BASE_URL", server.baseUrl());
        env.put("SCENARIO", scenario);
        env.put("PASSWORD", "demo1234");
        env.put("SCREENSHOTS", REPO.resolve("server/target/screenshots").toString());
        return env;
    }

    /** The JSON a script printed for the test on its line {@code "<name> RESULT <json>"}. */
    static JsonNode result(String output, String name) {
        String prefix = name + " RESULT ";
        return new JsonMapper().readTree(output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line \"" + prefix + "...\" in:\n" + output))
                .substring(prefix.length()));
    }

    void tell(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    int await(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("browser script did not finish within " + timeout + ":\n" + output);
        }
        drained.get(5, TimeUnit.SECONDS);
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
