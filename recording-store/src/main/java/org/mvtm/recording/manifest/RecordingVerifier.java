package org.mvtm.recording.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mvtm.core.digest.Digests;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.crypto.Hex;

/**
 * Checks a recording directory with nothing but the signing (public) key: every listed segment exists, its SHA-256
 * matches, the per-leg indexes are consecutive, every chain link recomputes, no unlisted segment files exist (once
 * sealed), and the manifest signature is valid. Reports the first problem, naming the segment.
 */
public final class RecordingVerifier {
    private RecordingVerifier() {
    }

    public static VerificationResult verify(Path dir, RecordingKeys keys, Instant now) {
        RecordingId fallbackId = RecordingId.of(safeId(dir));
        ManifestFile.Signed signed;
        try {
            signed = ManifestFile.read(dir);
        } catch (IOException e) {
            return VerificationResult.failed(fallbackId, 0, null, null, e.getMessage(), now);
        }
        Manifest m = signed.manifest();
        RecordingId id = m.id();
        List<SegmentEntry> segments = m.segments();
        Map<String, Integer> expectedIndex = new HashMap<>();
        Map<String, SegmentEntry> bySha = new HashMap<>();
        segments.forEach(s -> bySha.put(s.sha256(), s));
        String previous = m.chainStart();
        int checked = 0;
        for (int i = 0; i < segments.size(); i++) {
            SegmentEntry s = segments.get(i);
            if (s.seq() != i) {
                return fail(id, checked, s, "segment " + s.name() + " is listed at position " + i + " but carries seq "
                        + s.seq() + ": manifest entries were reordered or removed", now);
            }
            int expected = expectedIndex.getOrDefault(s.leg(), 0);
            if (s.index() != expected) {
                return VerificationResult.failed(id, checked, s.leg(), expected, "segment " + s.leg() + "/" + expected
                        + " is missing from the manifest (next listed is " + s.name() + ")", now);
            }
            expectedIndex.put(s.leg(), expected + 1);
            String link = HashChain.link(previous, s.sha256(), s.seq(), s.index(), s.leg());
            if (!link.equals(s.chain())) {
                return fail(id, checked, s, "segment " + s.name() + " breaks the hash chain: the manifest entry or one"
                        + " before it was altered, removed or reordered", now);
            }
            previous = link;
            Path f = dir.resolve(s.file());
            if (!Files.isRegularFile(f)) {
                return fail(id, checked, s, "segment " + s.name() + " (" + s.file() + ") is missing", now);
            }
            String actual;
            try {
                actual = sha256(f);
            } catch (IOException e) {
                return fail(id, checked, s, "segment " + s.name() + " (" + s.file() + ") is unreadable: "
                        + e.getMessage(), now);
            }
            if (!actual.equals(s.sha256())) {
                SegmentEntry other = bySha.get(actual);
                String why = other != null
                        ? " holds the content of segment " + other.name() + ": segments were swapped or reordered"
                        : " content was altered (SHA-256 " + abbreviate(actual) + ", manifest says "
                        + abbreviate(s.sha256()) + ")";
                return fail(id, checked, s, "segment " + s.name() + " (" + s.file() + ")" + why, now);
            }
            checked++;
        }
        if (m.state() != RecordingState.RECORDING && m.state() != RecordingState.DEGRADED) {
            Set<String> listed = new HashSet<>();
            segments.forEach(s -> listed.add(s.file()));
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".seg")).sorted()::iterator) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (!listed.contains(rel)) {
                        return VerificationResult.failed(id, checked, null, null, "segment file " + rel
                                + " is not listed in the sealed manifest (added or renamed)", now);
                    }
                }
            } catch (IOException e) {
                return VerificationResult.failed(id, checked, null, null, "cannot list " + dir + ": " + e.getMessage(),
                        now);
            }
        }
        if (!signed.signatureValid(keys)) {
            return VerificationResult.failed(id, checked, null, null, "manifest signature is invalid (manifest.json"
                    + " was altered, or signed with another key than " + keys.signingAlgorithm() + "/"
                    + keys.signingKeyId() + ")", now);
        }
        return VerificationResult.ok(id, checked, now);
    }

    private static VerificationResult fail(RecordingId id, int checked, SegmentEntry s, String reason, Instant now) {
        return VerificationResult.failed(id, checked, s.leg(), s.index(), reason, now);
    }

    public static String sha256(Path f) throws IOException {
        MessageDigest d = Digests.sha256();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
        }
        return Hex.of(d.digest());
    }

    private static String abbreviate(String hex) {
        return hex.substring(0, 16) + "...";
    }

    private static String safeId(Path dir) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return name.matches("[A-Za-z0-9._@:\\-]{1,128}") ? name : "unknown";
    }
}
