package org.mvtm.recording.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.crypto.AtomicFiles;
import org.mvtm.recording.json.Json;

/**
 * {@code manifest.json} = {@code {"body": <manifest>, "signature": {"algorithm","keyId","value"}}}. The signature
 * covers the compact JSON serialization of {@code body} (keys in file order, integers and strings only), so it is
 * reproduced exactly when the file is parsed again. Written atomically (temp + fsync + rename) and re-signed on
 * every update, so the file on disk is always a complete, signed manifest.
 */
public final class ManifestFile {
    public static final String NAME = "manifest.json";

    /** A parsed manifest with the bytes its signature covers. */
    public record Signed(Manifest manifest, byte[] body, String algorithm, String keyId, byte[] signature) {
        public boolean signatureValid(RecordingKeys keys) {
            return keys.signingAlgorithm().equals(algorithm) && keys.verify(body, signature);
        }
    }

    private ManifestFile() {
    }

    public static void write(Path dir, Manifest manifest, RecordingKeys keys) throws IOException {
        Map<String, Object> body = manifest.toJson();
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> sig = new LinkedHashMap<>();
        sig.put("algorithm", keys.signingAlgorithm());
        sig.put("keyId", keys.signingKeyId());
        sig.put("value", Base64.getEncoder().encodeToString(keys.sign(bytes)));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("body", body);
        file.put("signature", sig);
        AtomicFiles.write(dir.resolve(NAME), Json.pretty(file).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(NAME));
    }

    /** @throws IOException naming the file when it is missing or not a manifest */
    @SuppressWarnings("unchecked")
    public static Signed read(Path dir) throws IOException {
        Path f = dir.resolve(NAME);
        if (!Files.exists(f)) {
            throw new IOException("manifest " + f + " is missing");
        }
        try {
            Map<String, Object> file = Json.parseObject(Files.readString(f, StandardCharsets.UTF_8));
            Map<String, Object> body = (Map<String, Object>) file.get("body");
            Map<String, Object> sig = (Map<String, Object>) file.get("signature");
            if (body == null || sig == null) {
                throw new IllegalArgumentException("body or signature missing");
            }
            return new Signed(Manifest.fromJson(body), Json.write(body).getBytes(StandardCharsets.UTF_8),
                    (String) sig.get("algorithm"), (String) sig.get("keyId"),
                    Base64.getDecoder().decode((String) sig.get("value")));
        } catch (RuntimeException e) {
            throw new IOException("manifest " + f + " is unreadable: " + e.getMessage(), e);
        }
    }
}
