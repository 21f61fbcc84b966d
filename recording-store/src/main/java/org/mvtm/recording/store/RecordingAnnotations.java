package org.mvtm.recording.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.mvtm.core.digest.Digests;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.crypto.AtomicFiles;
import org.mvtm.recording.crypto.SegmentCipher;
import org.mvtm.recording.json.Json;
import org.mvtm.recording.manifest.AnnotationChain;
import org.mvtm.recording.manifest.HashChain;

/**
 * What is attached to a recording after it was sealed (the advisor's wrap-up code and notes, which arrive when the call
 * is over): {@code annotations.jsonl} beside the manifest, one line per annotation, never rewritten in place. The
 * sealed manifest and its segment chain are left as they are; the annotations continue that chain:
 * <pre>
 *   chain_0 = link(manifest.chainHead, sha256(blob_0), n=0, "_annotations")      (link as in {@link HashChain})
 *   chain_n = link(chain_{n-1},        sha256(blob_n), n,   "_annotations")
 * </pre>
 * Each line holds {@code n}, {@code prev}, {@code sha256}, {@code chain}, the store's signature of {@code chain} and
 * {@code blob}: the timeline entry encrypted with the recording's data key (AES-GCM, bound to
 * {@code recordingId|_annotations|n}), so the notes are as private as the chat and are shredded with the recording.
 * Changing, reordering or inserting a line breaks the chain or a signature ({@link AnnotationChain#verify}); removing the last ones
 * is seen against the audit log, where every annotation is an {@code ANNOTATE} entry naming its {@code chain}.
 */
final class RecordingAnnotations {
    static final String FILE = AnnotationChain.FILE;
    static final String LEG = AnnotationChain.LEG;

    private final RecordingKeys keys;
    private final SegmentCipher cipher;

    RecordingAnnotations(RecordingKeys keys, SegmentCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** Appends the entry (after checking what is there) and returns its chain value. Callers serialise per recording. */
    String append(StoredRecording s, SecretKey dataKey, TimelineEntry entry) {
        Optional<String> broken = AnnotationChain.verify(s.dir(), keys, s.manifest().chainHead());
        if (broken.isPresent()) {
            throw new RecordingStoreException("cannot annotate recording " + s.id() + ": " + broken.get());
        }
        List<Map<String, Object>> lines = lines(s.dir());
        int n = lines.size();
        String prev = n == 0 ? s.manifest().chainHead() : (String) lines.get(n - 1).get("chain");
        Map<String, String> attributes = new HashMap<>(entry.attributes());
        attributes.put("annotation", Integer.toString(n));
        byte[] plain = TimelineCodec.encode(new TimelineEntry(entry.at(), entry.kind(), entry.actor(), entry.text(),
                attributes));
        byte[] blob = cipher.encrypt(dataKey, SegmentCipher.aad(s.id().value(), LEG, n), plain, 0, plain.length);
        String sha = Digests.sha256Hex(blob);
        String chain = HashChain.link(prev, sha, n, n, LEG);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("n", Integer.toString(n));
        line.put("at", entry.at().toString());
        line.put("prev", prev);
        line.put("sha256", sha);
        line.put("chain", chain);
        line.put("algorithm", keys.signingAlgorithm());
        line.put("keyId", keys.signingKeyId());
        line.put("signature", Base64.getEncoder().encodeToString(keys.sign(chain.getBytes(StandardCharsets.UTF_8))));
        line.put("blob", Base64.getEncoder().encodeToString(blob));
        StringBuilder file = new StringBuilder();
        for (Map<String, Object> l : lines) {
            file.append(Json.write(l)).append('\n');
        }
        file.append(Json.write(line)).append('\n');
        try {
            AtomicFiles.write(s.dir().resolve(FILE), file.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RecordingStoreException("cannot annotate recording " + s.id() + ": " + e.getMessage(), e);
        }
        return chain;
    }

    /** The annotations in order, decrypted; an unreadable one is left out (and {@link AnnotationChain#verify} names it). */
    static List<TimelineEntry> read(StoredRecording s, SecretKey dataKey) {
        List<TimelineEntry> out = new ArrayList<>();
        for (Map<String, Object> line : lines(s.dir())) {
            try {
                int n = Integer.parseInt((String) line.get("n"));
                byte[] plain = SegmentCipher.decrypt(dataKey, SegmentCipher.aad(s.id().value(), LEG, n),
                        Base64.getDecoder().decode((String) line.get("blob")));
                out.add(TimelineCodec.decode(plain, 0, plain.length));
            } catch (GeneralSecurityException | RuntimeException e) {
                // reported by verify
            }
        }
        return out;
    }

    private static List<Map<String, Object>> lines(Path dir) {
        return AnnotationChain.lines(dir);
    }
}
