package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.crypto.DataKeyFile;
import org.mvtm.recording.crypto.SegmentCipher;
import org.mvtm.recording.json.Json;

class CryptoAndKeysTest {
    @TempDir
    Path tmp;

    @Test
    void multiChunkSegmentsRoundTripAndAreBoundToTheirPlace() throws Exception {
        SecureRandom random = new SecureRandom();
        var key = DataKeyFile.newDataKey(random);
        byte[] plain = new byte[3 * 16 * 1024 + 17];
        random.nextBytes(plain);
        SegmentCipher cipher = new SegmentCipher(random);
        byte[] sealed = cipher.encrypt(key, SegmentCipher.aad("rec-1", "customer", 4), plain, 0, plain.length);
        assertThat(SegmentCipher.decrypt(key, SegmentCipher.aad("rec-1", "customer", 4), sealed)).isEqualTo(plain);
        assertThatThrownBy(() -> SegmentCipher.decrypt(key, SegmentCipher.aad("rec-1", "customer", 5), sealed))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("authentication failed");
        assertThatThrownBy(() -> SegmentCipher.decrypt(key, SegmentCipher.aad("rec-1", "customer", 4),
                new byte[10])).hasMessageContaining("not a segment file");
    }

    @Test
    void keyFileRoundTripsAndPublicOnlyFileCanVerifyButNotSign() throws Exception {
        RecordingKeys keys = RecordingKeys.generate().withNewMasterKey("m2");
        Path file = tmp.resolve("keys.properties");
        keys.save(file);
        RecordingKeys loaded = RecordingKeys.load(file);
        assertThat(loaded.activeMasterKeyId()).isEqualTo("m2");
        assertThat(loaded.masterKey("m1").getEncoded()).isEqualTo(keys.masterKey("m1").getEncoded());
        byte[] sig = keys.sign("manifest".getBytes());
        assertThat(loaded.verify("manifest".getBytes(), sig)).isTrue();
        assertThat(keys.toString()).doesNotContain(java.util.Base64.getEncoder()
                .encodeToString(keys.masterKey("m1").getEncoded()));

        Path pub = tmp.resolve("public.properties");
        keys.savePublic(pub);
        assertThat(Files.readString(pub)).doesNotContain("master.", "signing.private");
        RecordingKeys verifyOnly = RecordingKeys.load(pub);
        assertThat(verifyOnly.verify("manifest".getBytes(), sig)).isTrue();
        assertThat(verifyOnly.verify("manifesT".getBytes(), sig)).isFalse();
        assertThat(verifyOnly.canSign()).isFalse();
        assertThatThrownBy(() -> verifyOnly.masterKey("m1")).hasMessageContaining("master key 'm1' is not configured");

        Files.writeString(tmp.resolve("bad.properties"), "signing.algorithm=RSA\nsigning.keyId=x\n");
        assertThatThrownBy(() -> RecordingKeys.load(tmp.resolve("bad.properties")))
                .hasMessageContaining("bad.properties").hasMessageContaining("Ed25519 or HmacSHA256");
    }

    @Test
    void storeSignsManifestsWithHmacWhenConfigured() {
        try (StoreFixture f = new StoreFixture(tmp, RecordingKeys.generateHmac(), java.time.Duration.ofSeconds(1))) {
            RecordingId id = f.sealedHk(1.2);
            assertThat(f.store.verify(StoreFixture.compliance(Region.HK), id).ok()).isTrue();
            RecordingKeys otherSecret = RecordingKeys.generateHmac();
            assertThat(org.mvtm.recording.manifest.RecordingVerifier.verify(f.recordingDir(id.value()),
                    otherSecret, StoreFixture.T0).reason()).contains("manifest signature is invalid");
        }
    }

    @Test
    void jsonRejectsGarbageNamingTheOffsetAndRoundTripsUnicode() {
        assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2,, 3]}")).hasMessageContaining("offset 12: unexpected character ','");
        String text = "我的信用卡丢了 \"quoted\"\n\u0001";
        assertThat(Json.parse(Json.write(java.util.Map.of("t", text)))).isEqualTo(java.util.Map.of("t", text));
    }
}
