package org.mvtm.media.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mvtm.media.api.MediaSession;

/**
 * Runs {@code drive-pages.js} under node with headless Chromium, and Firefox ESR for legs whose spec ends in
 * {@code :firefox} (tools/browser/launch.js), and returns the last stats
 * line it printed (JSON: leg -> {framesDecoded, audioPackets, audioEnergy, ...}).
 */
public final class BrowserPages {
    private BrowserPages() {
    }

    public record Result(int exitCode, String lastReport, String stderr) {
    }

    /** Runs the pages of {@code legs} against {@code session}, its signalling served by a {@link SignallingServer}. */
    public static Result run(MediaSession session, int seconds, String goal, Path workDir, String... legs)
            throws IOException, InterruptedException {
        return run(session, seconds, goal, 0, workDir, legs);
    }

    /**
     * As {@link #run(MediaSession, int, String, Path, String...)}, keeping the pages open {@code lingerMillis} after
     * the goal.
     */
    public static Result run(MediaSession session, int seconds, String goal, int lingerMillis, Path workDir,
                             String... legs) throws IOException, InterruptedException {
        try (SignallingServer signalling = new SignallingServer(session)) {
            return run(signalling.baseUrl(), seconds, goal, lingerMillis, workDir, legs);
        }
    }

    private static Result run(String baseUrl, int seconds, String goal, int lingerMillis, Path workDir, String... legs)
            throws IOException, InterruptedException {
        if (java.util.Arrays.stream(legs).anyMatch(l -> !l.endsWith(":firefox"))) {
            Peers.requireExecutable("/usr/bin/chromium", "chromium");
        }
        if (java.util.Arrays.stream(legs).anyMatch(l -> l.endsWith(":firefox"))) {
            Peers.requireExecutable("/usr/bin/firefox-esr", "firefox-esr");
        }
        Peers.requireExecutable("/usr/bin/node", "nodejs");
        Path script = Peers.resourceToFile("/browser/drive-pages.js", workDir);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/node", script.toString(), baseUrl,
                String.valueOf(seconds), goal));
        cmd.addAll(List.of(legs));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("NODE_PATH", Peers.nodeModules().toString());
        pb.environment().put("MVTM_PROJECT_DIR", Peers.projectDir().toString());
        pb.environment().put("LINGER_MS", String.valueOf(lingerMillis));
        Path out = workDir.resolve("node.out");
        Path err = workDir.resolve("node.err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("browser driver did not finish; stderr: " + Files.readString(err));
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return new Result(p.exitValue(), last, Files.readString(err));
    }
}
