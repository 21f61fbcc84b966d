package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Region;
import org.mvtm.core.event.RecordingSealed;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.SegmentEntry;
import org.mvtm.testing.LogCapture;

/** Must show: kill -9 during a recording; after restart completed segments verify and play, marked interrupted. */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    private final RecordingKeys keys = RecordingKeys.generate();
    private Path data;

    @BeforeEach
    void dataDirectory() {
        data = tmp.resolve("data");
    }

    @Test
    void killMinus9WhileRecordingLeavesAnInterruptedRecordingWhoseSegmentsVerifyAndPlay() throws Exception {
        RecordingId id = crashWhileRecording();
        Path dir = data.resolve("recordings").resolve(id.value());
        Manifest beforeRecovery = ManifestFile.read(dir).manifest();
        assertThat(beforeRecovery.state()).isEqualTo(RecordingState.RECORDING);

        try (StoreFixture f = new StoreFixture(tmp, data, keys, Duration.ofSeconds(1))) {

            var viewer = StoreFixture.compliance(Region.HK);
            RecordingSummary s = f.store.describe(viewer, id);
            assertThat(s.state()).isEqualTo(RecordingState.INTERRUPTED);
            assertThat(s.interrupted()).isTrue();
            Manifest m = ManifestFile.read(dir).manifest();
            long lastCustomerPacket = m.segments().stream().filter(e -> e.leg().equals("customer"))
                    .mapToLong(SegmentEntry::lastMicros).max().orElseThrow();
            assertThat(Rtp.micros(s.coveredUntil())).isEqualTo(lastCustomerPacket);
            assertThat(m.segments().size()).isGreaterThanOrEqualTo(beforeRecovery.segments().size());
            assertThat(m.problems()).anySatisfy(p -> assertThat(p).contains("interrupted", "covered until"));
            try (var files = Files.walk(dir)) {
                assertThat(files.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
            }

            VerificationResult v = f.store.verify(viewer, id);
            assertThat(v.ok()).as(v.reason()).isTrue();
            MediaFile media = f.store.media(viewer, id, "customer");
            assertThat(media.contentType()).isEqualTo("audio/webm");
            long coveredMs = (lastCustomerPacket - m.segments().stream().filter(e -> e.leg().equals("customer"))
                    .mapToLong(SegmentEntry::firstMicros).min().orElseThrow()) / 1000;
            assertThat(media.duration().toMillis()).isBetween(coveredMs, coveredMs + 40);
            assertThat(f.events).contains(new RecordingSealed(f.clock.instant(), id, s.metadata().interaction(), true));
            List<org.mvtm.recording.api.AuditEntry> audit = f.store.audit(viewer, AuditQuery.forRecording(id.value()));
            assertThat(audit).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.RECOVERED));

            f.reopen();
            assertThat(f.store.describe(viewer, id).state()).as("recovery runs once").isEqualTo(RecordingState.INTERRUPTED);
            assertThat(f.store.search(viewer, org.mvtm.recording.api.RecordingQuery.builder().text("record").build()))
                    .extracting(RecordingSummary::id).containsExactly(id);
        }
    }

    @Test
    void recordingVerifySaysInterruptedWithTheCoveredUntilTimeAndTheRecoveryIsLogged() throws Exception {
        Path publicKeyFile = tmp.resolve("public.properties");
        keys.savePublic(publicKeyFile);
        RecordingId id = crashWhileRecording();

        java.time.Instant coveredUntil;
        List<ILoggingEvent> logged;
        try (LogCapture storeLog = LogCapture.of("org.mvtm.recording.store");
                StoreFixture f = new StoreFixture(tmp, data, keys, Duration.ofSeconds(1))) {
            coveredUntil = f.store.describe(StoreFixture.compliance(Region.HK), id).coveredUntil();
            logged = storeLog.lines();
        }
        assertThat(logged).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(e.getFormattedMessage()).contains(id.value(), "INTERRUPTED", "covered until " + coveredUntil);
        });

        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int exit = org.mvtm.recording.api.VerifyCommand.run(new String[] {"--keys", publicKeyFile.toString(), "--data",
                data.toString(), id.value()}, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(said).startsWith("INTERRUPTED " + id.value()).contains("covered until " + coveredUntil)
                .doesNotStartWith("OK");
    }

    /**
     * A child JVM records into {@link #data} with {@link #keys}, and is killed with SIGKILL once three customer
     * segments are on disk.
     */
    private RecordingId crashWhileRecording() throws Exception {
        Path keyFile = tmp.resolve("keys.properties");
        keys.save(keyFile);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, CrashingRecorder.class.getName(), data.toString(), keyFile.toString())
                .redirectError(tmp.resolve("child-stderr.txt").toFile()).start();
        RecordingId id;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("STARTED ")) {
                line = out.readLine();
            }
            assertThat(line).as("child output; stderr: %s", tmp.resolve("child-stderr.txt")).startsWith("STARTED ");
            id = RecordingId.of(line.substring("STARTED ".length()).trim());
            Path dir = data.resolve("recordings").resolve(id.value());
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    ManifestFile.read(dir).manifest().segments().stream().filter(s -> s.leg().equals("customer"))
                            .count() >= 3);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        return id;
    }
}
