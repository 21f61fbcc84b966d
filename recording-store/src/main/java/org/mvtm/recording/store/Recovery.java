package org.mvtm.recording.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.mvtm.core.digest.Digests;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.crypto.DataKeyFile;
import org.mvtm.recording.crypto.Hex;
import org.mvtm.recording.crypto.SegmentCipher;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;

/**
 * Start-up recovery of a recording left open by a dead process (kill -9, power loss). Segments are written
 * {@code .tmp} → fsync → rename → manifest update, so after a crash there can be: leftover {@code .tmp} files (torn,
 * deleted), and complete segment files the manifest does not list yet (renamed just before the crash). Those are
 * adopted when AES-GCM authenticates them (proving they are complete and belong here) and chained in order; one that
 * does not authenticate is renamed {@code .seg.rejected} and noted. The recording becomes INTERRUPTED, covering
 * exactly up to the last packet of its last segment, and the manifest is re-signed.
 */
public final class Recovery {
    private Recovery() {
    }

    public static Manifest recover(Path dir, Manifest m, RecordingKeys keys, Clock clock) throws IOException {
        SecretKey key = DataKeyFile.read(dir, m.id().value(), keys);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".tmp"))::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Set<String> listed = new HashSet<>();
        m.segments().forEach(e -> listed.add(e.file()));
        List<Candidate> candidates = new ArrayList<>();
        collect(dir, dir.resolve("timeline"), Manifest.TIMELINE_LEG, listed, candidates);
        Path legs = dir.resolve("legs");
        if (Files.isDirectory(legs)) {
            try (Stream<Path> s = Files.list(legs)) {
                for (Path legDir : (Iterable<Path>) s.sorted()::iterator) {
                    collect(dir, legDir, legIdOf(legDir.getFileName().toString(), m), listed, candidates);
                }
            }
        }
        candidates.sort(Comparator.comparing(Candidate::leg).thenComparingInt(Candidate::index));
        int adopted = 0;
        for (Candidate c : candidates) {
            String rel = dir.relativize(c.file()).toString().replace('\\', '/');
            if (c.index() != m.nextIndex(c.leg())) {
                reject(c.file(), m, clock, "segment " + rel + " does not follow the last listed segment of its leg");
                continue;
            }
            byte[] bytes = Files.readAllBytes(c.file());
            try {
                byte[] plain = SegmentCipher.decrypt(key, SegmentCipher.aad(m.id().value(), c.leg(), c.index()),
                        bytes);
                List<SegmentRecords.Record> records = SegmentRecords.decode(plain);
                long first = records.stream().mapToLong(SegmentRecords.Record::arrivalMicros).min().orElse(0);
                long last = records.stream().mapToLong(SegmentRecords.Record::arrivalMicros).max().orElse(0);
                if (!c.leg().equals(Manifest.TIMELINE_LEG) && !m.legs().containsKey(c.leg())) {
                    m.addLeg(new LegEntry(c.leg(), LegDirs.dirFor(c.leg()), "unknown", List.of()));
                }
                m.append(c.leg(), c.index(), rel, first, last, records.size(), plain.length,
                        Digests.sha256Hex(bytes));
                adopted++;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                reject(c.file(), m, clock, "segment " + rel + " is torn or foreign: " + e.getMessage());
            }
        }
        m.state(RecordingLifecycle.check(m.id(), m.state(), RecordingState.INTERRUPTED));
        m.addProblem(clock.instant() + " interrupted: the process ended while recording; recovered at start-up"
                + (adopted > 0 ? " (adopted " + adopted + " unlisted complete segment(s))" : "")
                + "; covered until " + EpochMicros.instant(m.coveredUntilMicros()));
        ManifestFile.write(dir, m, keys);
        return m;
    }

    private record Candidate(String leg, int index, Path file) {
    }

    private static void collect(Path recDir, Path legDir, String leg, Set<String> listed, List<Candidate> out)
            throws IOException {
        if (!Files.isDirectory(legDir)) {
            return;
        }
        try (Stream<Path> s = Files.list(legDir)) {
            for (Path f : (Iterable<Path>) s.filter(p -> p.getFileName().toString().matches("\\d{6}\\.seg"))::iterator) {
                String rel = recDir.relativize(f).toString().replace('\\', '/');
                if (!listed.contains(rel)) {
                    out.add(new Candidate(leg, Integer.parseInt(f.getFileName().toString().substring(0, 6)), f));
                }
            }
        }
    }

    private static String legIdOf(String dirName, Manifest m) {
        for (LegEntry l : m.legs().values()) {
            if (l.dir().equals("legs/" + dirName)) {
                return l.legId();
            }
        }
        if (dirName.startsWith("x-")) {
            return new String(Hex.parse(dirName.substring(2)), StandardCharsets.UTF_8);
        }
        return dirName;
    }

    private static void reject(Path f, Manifest m, Clock clock, String why) throws IOException {
        Files.move(f, f.resolveSibling(f.getFileName() + ".rejected"));
        m.addProblem(clock.instant() + " " + why + " (kept as .seg.rejected)");
    }
}
