package org.mvtm.recording.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.json.Json;

/**
 * A recording's AES-256 data key, wrapped (AES-GCM, AAD = recording id) by a master key, stored in
 * {@code datakey.json}: {@code {"masterKeyId":..,"nonce":..,"wrapped":..}}. Destroying this file (overwrite with
 * random bytes, fsync, delete) makes the recording's segments unreadable: crypto-shredding.
 */
public final class DataKeyFile {
    public static final String NAME = "datakey.json";

    private DataKeyFile() {
    }

    public static SecretKey newDataKey(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return new SecretKeySpec(k, "AES");
    }

    public static void write(Path dir, String recordingId, SecretKey dataKey, RecordingKeys keys, String masterKeyId,
                             SecureRandom random) throws IOException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.masterKey(masterKeyId), new GCMParameterSpec(128, nonce));
            c.updateAAD(recordingId.getBytes(StandardCharsets.UTF_8));
            byte[] wrapped = c.doFinal(dataKey.getEncoded());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("masterKeyId", masterKeyId);
            m.put("nonce", Base64.getEncoder().encodeToString(nonce));
            m.put("wrapped", Base64.getEncoder().encodeToString(wrapped));
            AtomicFiles.write(dir.resolve(NAME), Json.pretty(m).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping the data key failed: " + e.getMessage(), e);
        }
    }

    public static String masterKeyId(Path dir) throws IOException {
        return (String) Json.parseObject(Files.readString(dir.resolve(NAME))).get("masterKeyId");
    }

    /** @throws IOException when the file is gone (deleted recording) or cannot be unwrapped */
    public static SecretKey read(Path dir, String recordingId, RecordingKeys keys) throws IOException {
        Path f = dir.resolve(NAME);
        if (!Files.exists(f)) {
            throw new IOException("data key of recording " + recordingId + " is destroyed or missing (" + f + ")");
        }
        Map<String, Object> m = Json.parseObject(Files.readString(f));
        String id = (String) m.get("masterKeyId");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, keys.masterKey(id),
                    new GCMParameterSpec(128, Base64.getDecoder().decode((String) m.get("nonce"))));
            c.updateAAD(recordingId.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(c.doFinal(Base64.getDecoder().decode((String) m.get("wrapped"))), "AES");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot unwrap the data key of recording " + recordingId + " with master key '" + id
                    + "': " + e.getMessage(), e);
        }
    }

    /** Overwrites the wrapped key with random bytes, syncs and deletes it. */
    public static void destroy(Path dir, SecureRandom random) throws IOException {
        Path f = dir.resolve(NAME);
        if (!Files.exists(f)) {
            return;
        }
        long size = Files.size(f);
        byte[] noise = new byte[(int) Math.max(size, 64)];
        random.nextBytes(noise);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(noise), 0);
            ch.force(true);
        }
        Files.delete(f);
    }
}
