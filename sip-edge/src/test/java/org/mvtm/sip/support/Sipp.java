package org.mvtm.sip.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.testing.FreePorts.udp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs SIPp (Debian package sip-tester) with a scenario from src/test/resources/sipp. */
public final class Sipp {
    private Sipp() {
    }

    /** The sipp binary; fails loudly naming the Debian package if it is missing. */
    public static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("sipp is not installed: install the Debian package 'sip-tester' (apt-get install sip-tester)");
    }

    public static Path scenario(String name) {
        try {
            return Path.of(Sipp.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing scenario sipp/" + name, e);
        }
    }

    /** Starts sipp with {@code args} after the scenario; output goes to a log file under target/. */
    public static Process start(String scenario, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.add("-sf");
        cmd.add(scenario(scenario).toString());
        cmd.addAll(args);
        cmd.addAll(List.of("-nostdin", "-timeout", "30s", "-timeout_error"));
        try {
            Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "sipp-", ".log");
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    /**
     * Starts alice's desk phone (SIPp answering {@code calls} calls on a free port) and registers it at {@code edge}
     * ("host:port") with her digest password; the phone is to be {@link #assertSucceeded} once its calls are done.
     */
    public static Process aliceDeskPhone(String edge, int calls) {
        int phonePort = udp();
        Process phone = start("advisor_uas.xml", List.of("-i", "127.0.0.1", "-p", Integer.toString(phonePort),
                "-m", Integer.toString(calls), "-mp", Integer.toString(udp())));
        assertSucceeded(start("advisor_register.xml", List.of(edge, "-i", "127.0.0.1", "-p",
                Integer.toString(udp()), "-m", "1", "-s", "alice", "-au", "alice", "-ap", "alice-secret",
                "-key", "contact_port", Integer.toString(phonePort))), "SIPp advisor REGISTER with digest");
        return phone;
    }

    /** Waits for a sipp run and asserts it succeeded (exit code 0 = every call passed). */
    public static void assertSucceeded(Process p, String what) {
        try {
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            assertThat(done).as(what + " finished").isTrue();
            assertThat(p.exitValue()).as(what + " exit code (0 = all calls successful)").isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
