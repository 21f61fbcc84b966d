package org.mvtm.recording.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.recording.manifest.AnnotationChain;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.RecordingVerifier;

/**
 * {@code recording-verify [--keys <key file>] [--data <dataDir>] <recording-id | recording directory>}: checks the
 * segment hash chain, every segment file and the manifest signature. A recording that crash recovery sealed as
 * INTERRUPTED is reported as {@code INTERRUPTED <id>: ... covered until <instant>} instead of {@code OK} (exit 0:
 * what is there is intact). Needs only the public signing key
 * ({@link RecordingKeys#savePublic}); no data key is unwrapped. Exit code 0 = intact, 1 = verification failed (the
 * message names the first bad segment), 2 = usage or I/O error. Key file default {@code ./config/recording-keys.properties},
 * data directory default {@code ./data/recordings}.
 */
public final class VerifyCommand {
    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Same as {@link #main} but returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path keysFile = Path.of("config/recording-keys.properties");
        Path data = Path.of("data/recordings");
        String target = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> keysFile = Path.of(need(args, ++i, "--keys"));
                case "--data" -> data = Path.of(need(args, ++i, "--data"));
                case "-h", "--help" -> {
                    out.println("usage: recording-verify [--keys <key file>] [--data <dataDir>] <recording-id|dir>");
                    return 0;
                }
                default -> target = args[i];
            }
        }
        if (target == null) {
            err.println("usage: recording-verify [--keys <key file>] [--data <dataDir>] <recording-id|dir>");
            return 2;
        }
        RecordingKeys keys;
        try {
            keys = RecordingKeys.load(keysFile);
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read key file " + keysFile + ": " + e.getMessage());
            return 2;
        }
        Path dir = Path.of(target);
        if (!Files.isDirectory(dir)) {
            dir = data.resolve("recordings").resolve(target);
            if (!Files.isDirectory(dir)) {
                dir = data.resolve(target);
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("no recording directory for '" + target + "' (looked in " + data + ")");
            return 2;
        }
        VerificationResult r = RecordingVerifier.verify(dir, keys, Instant.now());
        if (r.ok()) {
            Manifest m;
            try {
                m = ManifestFile.read(dir).manifest();
            } catch (IOException e) {
                err.println("cannot read the manifest in " + dir + ": " + e.getMessage());
                return 2;
            }
            var annotations = AnnotationChain.verify(dir, keys, m.chainHead());
            if (annotations.isPresent()) {
                err.println("FAILED " + r.recording() + ": " + annotations.get());
                return 1;
            }
            if (m.state() == RecordingState.INTERRUPTED) {
                // intact, but not complete: say how far it goes instead of a plain OK
                Instant covered = EpochMicros.instant(m.coveredUntilMicros());
                out.println("INTERRUPTED " + r.recording() + ": the process ended while recording; covered until "
                        + covered + "; " + r.segmentsChecked() + " segments, hash chain and signature valid");
                return 0;
            }
            List<String> documents = m.legs().values().stream()
                    .filter(l -> RecordedDocument.LEG_PARTY.equals(l.party())).map(LegEntry::legId).toList();
            int attached = AnnotationChain.lines(dir).size();
            out.println("OK " + r.recording() + ": " + r.segmentsChecked() + " segments"
                    + (documents.isEmpty() ? "" : " (with documents " + String.join(", ", documents) + ")")
                    + ", hash chain and signature valid"
                    + (attached == 0 ? "" : "; " + attached + " annotations after the seal, chained and signed"));
            return 0;
        }
        err.println("FAILED " + r.recording() + ": " + r.reason());
        return 1;
    }

    private static String need(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
