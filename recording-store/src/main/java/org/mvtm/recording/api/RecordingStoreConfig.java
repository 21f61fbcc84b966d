package org.mvtm.recording.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link RecordingStore}.
 *
 * @param dataDir        where recordings, the audit log and the search index live (default {@code ./data/recordings})
 * @param exportCacheDir where decrypted playable exports and export packages are cached (default
 *                       {@code <dataDir>/../recording-exports}); put it on a local, access-restricted volume
 * @param segmentLength  length of a segment (default 10 s)
 * @param queueCapacity  packets buffered per recording before new ones are dropped (default 8192)
 * @param keys           master keys (data key wrapping) and the manifest signing key
 * @param retention      retention per queue/region
 * @param exportOnSeal   also generate playable exports right after sealing (default false: on first replay)
 * @param exportCacheTtl how long a decrypted export stays cached (default 24 h)
 */
public record RecordingStoreConfig(Path dataDir, Path exportCacheDir, Duration segmentLength, int queueCapacity,
                                   RecordingKeys keys, RetentionPolicy retention, boolean exportOnSeal,
                                   Duration exportCacheTtl) {
    public RecordingStoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(retention, "retention");
        exportCacheDir = exportCacheDir != null ? exportCacheDir
                : dataDir.toAbsolutePath().normalize().resolveSibling(dataDir.getFileName() + "-exports");
        if (segmentLength == null || segmentLength.toMillis() < 10) {
            throw new IllegalArgumentException("segmentLength must be at least 10 ms but was " + segmentLength);
        }
        if (queueCapacity < 16) {
            throw new IllegalArgumentException("queueCapacity must be at least 16 but was " + queueCapacity);
        }
        exportCacheTtl = exportCacheTtl == null ? Duration.ofHours(24) : exportCacheTtl;
    }

    /** Defaults: 10 s segments, 8192 queued packets, seven-year retention, exports on first replay. */
    public static RecordingStoreConfig defaults(Path dataDir, RecordingKeys keys) {
        return new RecordingStoreConfig(dataDir, null, Duration.ofSeconds(10), 8192, keys,
                RetentionPolicy.sevenYears(), false, Duration.ofHours(24));
    }

    public RecordingStoreConfig withSegmentLength(Duration length) {
        return new RecordingStoreConfig(dataDir, exportCacheDir, length, queueCapacity, keys, retention,
                exportOnSeal, exportCacheTtl);
    }

    public RecordingStoreConfig withRetention(RetentionPolicy policy) {
        return new RecordingStoreConfig(dataDir, exportCacheDir, segmentLength, queueCapacity, keys, policy,
                exportOnSeal, exportCacheTtl);
    }

    public RecordingStoreConfig withKeys(RecordingKeys newKeys) {
        return new RecordingStoreConfig(dataDir, exportCacheDir, segmentLength, queueCapacity, newKeys, retention,
                exportOnSeal, exportCacheTtl);
    }

    public RecordingStoreConfig withQueueCapacity(int capacity) {
        return new RecordingStoreConfig(dataDir, exportCacheDir, segmentLength, capacity, keys, retention,
                exportOnSeal, exportCacheTtl);
    }
}
