package org.mvtm.recording.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.SecretKey;
import org.mvtm.core.digest.Digests;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.crypto.Hex;
import org.mvtm.recording.export.ExportedMedia;
import org.mvtm.recording.export.LegExporter;
import org.mvtm.recording.json.Json;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.SegmentEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored recordings into what leaves the store: a leg as a playable file (cached under the export directory)
 * and the signed evidence package of an export. Access control and audit stay with the store, which calls this only
 * for a viewer it has allowed.
 */
final class RecordingExports {
    private static final Logger log = LoggerFactory.getLogger(RecordingExports.class);

    private final RecordingStoreConfig config;
    private final RecordingKeys keys;
    private final Clock clock;
    private final StoredRecordings recordings;
    private final LegExporter exporter = new LegExporter();
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    RecordingExports(RecordingStoreConfig config, RecordingKeys keys, Clock clock, StoredRecordings recordings) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.recordings = recordings;
    }

    /** One leg as a playable file, from the cache when it is newer than the manifest; one writer per file. */
    ExportedMedia leg(StoredRecording s, LegEntry leg) {
        Path dir = config.exportCacheDir().resolve(s.id().value());
        Path out = dir.resolve(leg.dir().replace('/', '_') + LegExporter.extension(leg));
        var lock = locks.computeIfAbsent(out, k -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(dir);
            Path manifestFile = s.dir().resolve(ManifestFile.NAME);
            if (Files.exists(out)
                    && !Files.getLastModifiedTime(out).toInstant().isBefore(
                    Files.getLastModifiedTime(manifestFile).toInstant())) {
                return exporter.describe(out, leg);
            }
            SecretKey key = recordings.dataKey(s);
            List<SegmentEntry> entries = s.manifest().segments().stream()
                    .filter(e -> e.leg().equals(leg.legId())).toList();
            return exporter.export(entries, e -> recordings.decrypt(s, e, key), leg, out);
        } catch (IOException e) {
            throw new RecordingStoreException("export of " + s.id() + "/" + leg.legId() + " failed: " + e.getMessage(),
                    e);
        } finally {
            lock.unlock();
        }
    }

    /** The evidence package: media (when verification passes), timeline, signed manifest, key and README. */
    ExportPackage writePackage(StoredRecording s, String reason) {
        VerificationResult v = recordings.verify(s);
        Path dir = config.exportCacheDir().resolve("packages");
        try {
            Files.createDirectories(dir);
            Path zip = dir.resolve(s.id().value() + "-" + clock.instant().toEpochMilli() + ".zip");
            MessageDigest digest = Digests.sha256();
            try (OutputStream fo = Files.newOutputStream(zip);
                 DigestOutputStream dout = new DigestOutputStream(fo, digest);
                 ZipOutputStream z = new ZipOutputStream(dout)) {
                if (v.ok()) {
                    for (LegEntry leg : s.manifest().legs().values()) {
                        ExportedMedia m = leg(s, leg);
                        z.putNextEntry(new ZipEntry("media/" + leg.dir().replace("legs/", "")
                                + LegExporter.extension(leg)));
                        Files.copy(m.path(), z);
                        z.closeEntry();
                    }
                }
                put(z, "timeline.json", recordings.timelineDocument(s));
                z.putNextEntry(new ZipEntry("manifest.json"));
                Files.copy(s.dir().resolve(ManifestFile.NAME), z);
                z.closeEntry();
                if (Files.exists(s.dir().resolve(RecordingAnnotations.FILE))) {
                    z.putNextEntry(new ZipEntry(RecordingAnnotations.FILE));
                    Files.copy(s.dir().resolve(RecordingAnnotations.FILE), z);
                    z.closeEntry();
                }
                put(z, "signing-public-key.pem", keys.signingPublicKeyPem());
                Map<String, Object> vj = new LinkedHashMap<>();
                vj.put("ok", v.ok());
                vj.put("segmentsChecked", (long) v.segmentsChecked());
                vj.put("reason", v.reason());
                vj.put("checkedAt", v.checkedAt().toString());
                put(z, "verification.json", Json.pretty(vj));
                put(z, "README.txt", "mVTM recording " + s.id() + "\nexported " + clock.instant() + " because: "
                        + reason + "\nmanifest.json: {body, signature}; the signature (" + keys.signingAlgorithm()
                        + ", key " + keys.signingKeyId() + ") covers the compact JSON of body.\n"
                        + "Each segment's chain = SHA-256(previous chain | SHA-256(segment file) | seq | index | leg).\n"
                        + "annotations.jsonl (when present): what was attached after the seal (wrap-up), continuing the"
                        + " chain from the manifest's chainHead with leg _annotations; each line's chain is signed.\n"
                        + (v.ok() ? "Verification passed.\n" : "VERIFICATION FAILED: " + v.reason()
                        + "\nMedia omitted.\n"));
            }
            return new ExportPackage(s.id(), zip, Files.size(zip), Hex.of(digest.digest()));
        } catch (IOException e) {
            throw new RecordingStoreException("export package of " + s.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** Removes cached exports older than the configured time to live. */
    void evictCache(Instant now) {
        try (Stream<Path> dirs = Files.list(config.exportCacheDir())) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                try (Stream<Path> files = Files.walk(d)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        if (Files.getLastModifiedTime(f).toInstant().plus(config.exportCacheTtl()).isBefore(now)) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("evicting the export cache failed", e);
        }
    }
}
