package org.mvtm.recording.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mvtm.core.Region;
import org.mvtm.core.id.QueueId;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.RetentionPolicy;
import org.mvtm.recording.crypto.AtomicFiles;
import org.mvtm.recording.json.Json;

/**
 * The retention rules in force: the configured {@link RetentionPolicy} with the per-queue and per-region periods
 * set at run time (by a compliance officer or an administrator) on top, kept in {@code <dataDir>/retention.json} so
 * they survive a restart. Removing a rule set at run time falls back to the configured period. Thread-safe.
 */
final class RetentionRules {
    static final Duration SHORTEST = Duration.ofDays(1);
    static final Duration LONGEST = Duration.ofDays(100 * 366);

    private final Path file;
    private final RetentionPolicy configured;
    private final Map<String, Duration> queues = new TreeMap<>();
    private final Map<String, Duration> regions = new TreeMap<>();

    RetentionRules(Path file, RetentionPolicy configured) {
        this.file = file;
        this.configured = configured;
        if (Files.exists(file)) {
            try {
                Map<String, Object> m = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
                periods(m.get("queues"), queues);
                periods(m.get("regions"), regions);
            } catch (IOException | RuntimeException e) {
                throw new RecordingStoreException("retention rules in " + file + " are unreadable: " + e, e);
            }
        }
    }

    /** The policy in force now. */
    synchronized RetentionPolicy current() {
        RetentionPolicy p = configured;
        for (var e : queues.entrySet()) {
            p = p.withQueue(QueueId.of(e.getKey()), e.getValue());
        }
        for (var e : regions.entrySet()) {
            p = p.withRegion(Region.of(e.getKey()), e.getValue());
        }
        return p;
    }

    synchronized RetentionPolicy setQueue(QueueId queue, Optional<Duration> period) {
        return set(queues, queue.value(), period);
    }

    synchronized RetentionPolicy setRegion(Region region, Optional<Duration> period) {
        return set(regions, region.code(), period);
    }

    /** Why {@code period} is not an acceptable retention period, or empty. */
    static Optional<String> invalid(Duration period) {
        if (period.compareTo(SHORTEST) < 0 || period.compareTo(LONGEST) > 0) {
            return Optional.of("retention must be between 1 day and 100 years but was " + period.toDays() + " days");
        }
        return Optional.empty();
    }

    private RetentionPolicy set(Map<String, Duration> rules, String key, Optional<Duration> period) {
        Map<String, Duration> before = new TreeMap<>(rules);
        period.ifPresentOrElse(p -> rules.put(key, p), () -> rules.remove(key));
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("queues", texts(queues));
            m.put("regions", texts(regions));
            AtomicFiles.write(file, Json.pretty(m).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            rules.clear();
            rules.putAll(before);
            throw new RecordingStoreException("cannot save retention rules to " + file + ": " + e.getMessage(), e);
        }
        return current();
    }

    private static Map<String, Object> texts(Map<String, Duration> rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        rules.forEach((k, v) -> m.put(k, v.toString()));
        return m;
    }

    private static void periods(Object json, Map<String, Duration> into) {
        if (json instanceof Map<?, ?> m) {
            m.forEach((k, v) -> into.put((String) k, Duration.parse((String) v)));
        }
    }
}
