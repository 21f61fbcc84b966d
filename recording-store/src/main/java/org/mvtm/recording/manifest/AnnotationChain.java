package org.mvtm.recording.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.digest.Digests;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.json.Json;

/**
 * The chain of what was attached to a recording after its seal ({@code annotations.jsonl}, written by the store's
 * {@code RecordingAnnotations}): it continues the sealed segment chain from the manifest's {@code chainHead} with leg
 * {@code _annotations}, one signed link per line. Checked with nothing but the signing (public) key, like
 * {@link RecordingVerifier}.
 */
public final class AnnotationChain {
    public static final String FILE = "annotations.jsonl";
    public static final String LEG = "_annotations";

    private AnnotationChain() {
    }

    /**
     * Checks the annotation chain from the sealed manifest's head, needing only the signing (public) key: empty when
     * every line is in place, else what is wrong with the first bad one.
     */
    public static Optional<String> verify(Path dir, RecordingKeys keys, String chainHead) {
        String prev = chainHead;
        List<Map<String, Object>> lines;
        try {
            lines = lines(dir);
        } catch (RecordingStoreException e) {
            return Optional.of(e.getMessage());
        }
        for (int n = 0; n < lines.size(); n++) {
            Map<String, Object> line = lines.get(n);
            String what = "annotation " + n + " (" + FILE + ")";
            try {
                if (!Integer.toString(n).equals(line.get("n"))) {
                    return Optional.of(what + " is numbered " + line.get("n") + ": annotations were removed or reordered");
                }
                if (!prev.equals(line.get("prev"))) {
                    return Optional.of(what + " does not follow the one before it (or the sealed recording)");
                }
                String sha = Digests.sha256Hex(Base64.getDecoder().decode((String) line.get("blob")));
                if (!sha.equals(line.get("sha256"))) {
                    return Optional.of(what + " content changed: sha256 " + sha + " instead of " + line.get("sha256"));
                }
                String chain = HashChain.link(prev, sha, n, n, LEG);
                if (!chain.equals(line.get("chain"))) {
                    return Optional.of(what + " chain value does not match its content");
                }
                if (!keys.signingAlgorithm().equals(line.get("algorithm")) || !keys.verify(
                        chain.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode((String) line.get("signature")))) {
                    return Optional.of(what + " signature is not the store's");
                }
                prev = chain;
            } catch (RuntimeException e) {
                return Optional.of(what + " is unreadable: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The lines of {@code annotations.jsonl}, in order (none when there is no file). */
    public static List<Map<String, Object>> lines(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Json.parseObject(line));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new RecordingStoreException(FILE + " of " + dir.getFileName() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
