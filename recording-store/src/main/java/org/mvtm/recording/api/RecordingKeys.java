package org.mvtm.recording.api;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key material: AES-256 master keys (by id) that wrap each recording's data key, the id of the active one (used for
 * new recordings; rotation = add a key, make it active, then {@link RecordingStore#rewrapDataKeys}), and the key
 * that signs manifests: Ed25519 (default; verification needs only the public key) or HMAC-SHA256.
 *
 * <p>Key file ({@link #save}/{@link #load}, a properties file, mode 600):
 * <pre>
 * master.active=m1
 * master.m1=&lt;base64 32 bytes&gt;
 * signing.algorithm=Ed25519            (or HmacSHA256)
 * signing.keyId=s1
 * signing.private=&lt;base64 PKCS#8&gt;     (HMAC: signing.secret=&lt;base64&gt;)
 * signing.public=&lt;base64 X.509&gt;
 * </pre>
 * A verify-only file ({@link #savePublic}) holds just {@code signing.*} public values. {@link #toString()} never
 * prints key material.
 */
public final class RecordingKeys {
    public static final String ED25519 = "Ed25519";
    public static final String HMAC_SHA256 = "HmacSHA256";

    private final Map<String, SecretKey> masterKeys;
    private final String activeMasterKeyId;
    private final String signingAlgorithm;
    private final String signingKeyId;
    private final PrivateKey signingPrivate;
    private final PublicKey signingPublic;
    private final SecretKey hmacKey;

    private RecordingKeys(Map<String, SecretKey> masterKeys, String activeMasterKeyId, String signingAlgorithm,
                          String signingKeyId, PrivateKey signingPrivate, PublicKey signingPublic, SecretKey hmacKey) {
        this.masterKeys = Map.copyOf(masterKeys);
        this.activeMasterKeyId = activeMasterKeyId;
        this.signingAlgorithm = signingAlgorithm;
        this.signingKeyId = signingKeyId;
        this.signingPrivate = signingPrivate;
        this.signingPublic = signingPublic;
        this.hmacKey = hmacKey;
        if (activeMasterKeyId != null && !masterKeys.containsKey(activeMasterKeyId)) {
            throw new IllegalArgumentException("active master key '" + activeMasterKeyId + "' is not among "
                    + masterKeys.keySet());
        }
    }

    /** Fresh random keys: master key {@code m1}, an Ed25519 signing key. */
    public static RecordingKeys generate() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance(ED25519).generateKeyPair();
            return new RecordingKeys(Map.of("m1", randomAes()), "m1", ED25519, "s1", kp.getPrivate(),
                    kp.getPublic(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks Ed25519", e);
        }
    }

    /** Fresh random keys signing with HMAC-SHA256 instead of Ed25519 (verification then needs the secret). */
    public static RecordingKeys generateHmac() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new RecordingKeys(Map.of("m1", randomAes()), "m1", HMAC_SHA256, "h1", null, null,
                new SecretKeySpec(secret, HMAC_SHA256));
    }

    /** Adds a random master key and makes it the active one (for new recordings). */
    public RecordingKeys withNewMasterKey(String id) {
        if (masterKeys.containsKey(id)) {
            throw new IllegalArgumentException("master key '" + id + "' already exists");
        }
        Map<String, SecretKey> m = new LinkedHashMap<>(masterKeys);
        m.put(id, randomAes());
        return new RecordingKeys(m, id, signingAlgorithm, signingKeyId, signingPrivate, signingPublic, hmacKey);
    }

    /** Same keys without master key {@code id} (after every data key was re-wrapped away from it). */
    public RecordingKeys withoutMasterKey(String id) {
        if (id.equals(activeMasterKeyId)) {
            throw new IllegalArgumentException("cannot remove the active master key '" + id + "'");
        }
        Map<String, SecretKey> m = new LinkedHashMap<>(masterKeys);
        m.remove(id);
        return new RecordingKeys(m, activeMasterKeyId, signingAlgorithm, signingKeyId, signingPrivate, signingPublic,
                hmacKey);
    }

    public String activeMasterKeyId() {
        if (activeMasterKeyId == null) {
            throw new IllegalStateException("these keys are verify-only: no master key");
        }
        return activeMasterKeyId;
    }

    /** @throws IllegalArgumentException naming the id when it is not configured */
    public SecretKey masterKey(String id) {
        SecretKey k = masterKeys.get(id);
        if (k == null) {
            throw new IllegalArgumentException("master key '" + id + "' is not configured (have " + masterKeys.keySet()
                    + ")");
        }
        return k;
    }

    public String signingAlgorithm() {
        return signingAlgorithm;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    public boolean canSign() {
        return signingPrivate != null || hmacKey != null;
    }

    public byte[] sign(byte[] data) {
        try {
            if (hmacKey != null) {
                Mac mac = Mac.getInstance(HMAC_SHA256);
                mac.init(hmacKey);
                return mac.doFinal(data);
            }
            if (signingPrivate == null) {
                throw new IllegalStateException("these keys are verify-only: no signing private key");
            }
            Signature s = Signature.getInstance(ED25519);
            s.initSign(signingPrivate);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }

    public boolean verify(byte[] data, byte[] signature) {
        try {
            if (hmacKey != null) {
                return MessageDigest.isEqual(sign(data), signature);
            }
            Signature s = Signature.getInstance(ED25519);
            s.initVerify(signingPublic);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The Ed25519 public key as PEM (empty string for HMAC keys, which have no public half). */
    public String signingPublicKeyPem() {
        if (signingPublic == null) {
            return "";
        }
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(signingPublic.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** Writes every key (mode 600). */
    public void save(Path file) throws IOException {
        Map<String, String> p = new TreeMap<>();
        if (activeMasterKeyId != null) {
            p.put("master.active", activeMasterKeyId);
        }
        masterKeys.forEach((id, k) -> p.put("master." + id, b64(k.getEncoded())));
        putSigning(p, true);
        write(file, p);
    }

    /** Writes only what verification needs (Ed25519 public key; for HMAC the secret itself). */
    public void savePublic(Path file) throws IOException {
        Map<String, String> p = new TreeMap<>();
        putSigning(p, false);
        write(file, p);
    }

    private void putSigning(Map<String, String> p, boolean withPrivate) {
        p.put("signing.algorithm", signingAlgorithm);
        p.put("signing.keyId", signingKeyId);
        if (hmacKey != null) {
            p.put("signing.secret", b64(hmacKey.getEncoded()));
        } else {
            p.put("signing.public", b64(signingPublic.getEncoded()));
            if (withPrivate && signingPrivate != null) {
                p.put("signing.private", b64(signingPrivate.getEncoded()));
            }
        }
    }

    private static void write(Path file, Map<String, String> p) throws IOException {
        StringWriter w = new StringWriter();
        w.write("# mVTM recording-store keys: keep secret (mode 600)\n");
        p.forEach((k, v) -> w.write(k + "=" + v + "\n"));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".keys", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system
        }
        Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a key file.
     *
     * @throws IllegalArgumentException naming the file and the missing/bad property
     */
    public static RecordingKeys load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            Map<String, SecretKey> masters = new LinkedHashMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("master.") && !name.equals("master.active")) {
                    byte[] raw = unb64(p.getProperty(name));
                    if (raw.length != 32) {
                        throw new IllegalArgumentException(name + " must be 32 bytes (AES-256) but is " + raw.length);
                    }
                    masters.put(name.substring("master.".length()), new SecretKeySpec(raw, "AES"));
                }
            }
            String active = p.getProperty("master.active");
            String alg = require(p, "signing.algorithm");
            String keyId = require(p, "signing.keyId");
            if (HMAC_SHA256.equals(alg)) {
                return new RecordingKeys(masters, active, alg, keyId, null, null,
                        new SecretKeySpec(unb64(require(p, "signing.secret")), HMAC_SHA256));
            }
            if (!ED25519.equals(alg)) {
                throw new IllegalArgumentException("signing.algorithm must be Ed25519 or HmacSHA256 but was " + alg);
            }
            KeyFactory kf = KeyFactory.getInstance(ED25519);
            PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(unb64(require(p, "signing.public"))));
            String priv = p.getProperty("signing.private");
            PrivateKey pk = priv == null ? null : kf.generatePrivate(new PKCS8EncodedKeySpec(unb64(priv)));
            return new RecordingKeys(masters, active, alg, keyId, pk, pub, null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Loads the key file, or generates keys and saves them there when it does not exist. */
    public static RecordingKeys loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        RecordingKeys k = generate();
        k.save(file);
        return k;
    }

    private static String require(Properties p, String name) {
        String v = p.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing property " + name);
        }
        return v.trim();
    }

    private static SecretKey randomAes() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new SecretKeySpec(k, "AES");
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s.trim());
    }

    @Override
    public String toString() {
        return "RecordingKeys[master=" + masterKeys.keySet() + ", active=" + activeMasterKeyId + ", signing="
                + signingAlgorithm + "/" + signingKeyId + "]";
    }
}
