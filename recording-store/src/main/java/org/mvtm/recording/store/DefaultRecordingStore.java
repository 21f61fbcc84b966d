package org.mvtm.recording.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.mvtm.core.Region;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.RecordingSealed;
import org.mvtm.core.event.RecordingStarted;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.access.AccessPolicy;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.AuditVerification;
import org.mvtm.recording.api.DeletionNotRequestedException;
import org.mvtm.recording.api.DeletionRequest;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingFailed;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.RetentionPolicy;
import org.mvtm.recording.api.RetentionReport;
import org.mvtm.recording.api.StoreHealth;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationFailedException;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;
import org.mvtm.recording.audit.AuditLog;
import org.mvtm.recording.crypto.DataKeyFile;
import org.mvtm.recording.crypto.PrivateFiles;
import org.mvtm.recording.crypto.SegmentCipher;
import org.mvtm.recording.export.ExportedMedia;
import org.mvtm.recording.export.LegExporter;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.RecordingVerifier;
import org.mvtm.recording.manifest.SegmentEntry;
import org.mvtm.recording.search.RecordingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link RecordingStore}. Layout under {@code dataDir}: {@code recordings/<id>/} (manifest.json,
 * datakey.json, hold.json, legs/&lt;leg&gt;/NNNNNN.seg, timeline/NNNNNN.seg), {@code audit/audit.jsonl},
 * {@code index/} (Lucene). Decrypted exports go to {@code exportCacheDir}.
 */
public final class DefaultRecordingStore implements RecordingStore, RecordingWriter.Listener {
    private static final Logger log = LoggerFactory.getLogger(DefaultRecordingStore.class);
    private static final String SYSTEM_RETENTION = "system:retention";
    private static final String SYSTEM_RECOVERY = "system:recovery";

    private final RecordingStoreConfig config;
    private final RecordingKeys keys;
    private final Clock clock;
    private final EventBus events;
    private final SecureRandom random = new SecureRandom();
    private final SegmentCipher cipher = new SegmentCipher(random);
    private final Path root;
    private final AuditLog audit;
    private final AccessPolicy policy = new AccessPolicy();
    private final RecordingIndex index;
    private final RetentionRules rules;
    private final RecordingExports exports;
    private final Map<RecordingId, RecordingWriter> active = new ConcurrentHashMap<>();
    private final Map<RecordingId, VerificationResult> lastVerification = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedOfClosed = new AtomicLong();
    private volatile boolean closed;

    /** A recording on disk: its directory and its manifest. */
    record Stored(Path dir, Manifest manifest) {
        RecordingId id() {
            return manifest.id();
        }
    }

    private DefaultRecordingStore(RecordingStoreConfig config, Clock clock, EventBus events) throws IOException {
        this.config = config;
        this.keys = config.keys();
        this.clock = clock;
        this.events = events;
        this.rules = new RetentionRules(config.dataDir().resolve("retention.json"), config.retention());
        this.root = config.dataDir().resolve("recordings");
        PrivateFiles.createDirectories(root);
        Files.createDirectories(config.exportCacheDir());
        restrict(config.exportCacheDir());
        this.audit = new AuditLog(config.dataDir().resolve("audit"), clock, keys);
        this.index = new RecordingIndex(config.dataDir().resolve("index"), keys);
        this.exports = new RecordingExports(config, keys, clock, new RecordingExports.StoredRecordings() {
            @Override
            public SecretKey dataKey(Stored s) {
                return DefaultRecordingStore.this.dataKey(s);
            }

            @Override
            public byte[] decrypt(Stored s, SegmentEntry segment, SecretKey key) {
                return DefaultRecordingStore.this.decrypt(s, segment, key);
            }

            @Override
            public VerificationResult verify(Stored s) {
                return verifyStored(s);
            }

            @Override
            public String timelineDocument(Stored s) {
                return DefaultRecordingStore.this.timelineDocument(s);
            }
        });
        // what an older version wrote 0755 / 0644, and the audit log's own files
        PrivateFiles.tighten(config.dataDir());
    }

    public static RecordingStore open(RecordingStoreConfig config, Clock clock, EventBus events) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(events, "events");
        if (!config.keys().canSign()) {
            throw new IllegalArgumentException("recording keys must include the signing key (got verify-only keys)");
        }
        config.keys().activeMasterKeyId();
        try {
            DefaultRecordingStore s = new DefaultRecordingStore(config, clock, events);
            s.recoverAndIndex();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open recording store in " + config.dataDir() + ": " + e.getMessage(),
                    e);
        }
    }

    // ---------------------------------------------------------------- write side

    @Override
    public ActiveRecording start(RecordingMetadata metadata) {
        ensureOpen();
        RecordingId id = RecordingId.random();
        Path dir = root.resolve(id.value());
        try {
            PrivateFiles.createDirectories(dir);
            SecretKey dataKey = DataKeyFile.newDataKey(random);
            String masterKeyId = keys.activeMasterKeyId();
            DataKeyFile.write(dir, id.value(), dataKey, keys, masterKeyId, random);
            Manifest manifest = new Manifest(id, metadata, config.segmentLength().toMillis(), masterKeyId,
                    RecordingState.RECORDING);
            ManifestFile.write(dir, manifest, keys);
            RecordingWriter w = new RecordingWriter(id, metadata, dir, dataKey, keys, cipher, clock,
                    config.segmentLength().toMillis(), config.queueCapacity(), manifest, this);
            active.put(id, w);
            w.start();
            w.appendTimeline(TimelineEntry.event(clock.instant(), TimelineEntry.Kind.RECORDING_STARTED, "system",
                    "recording started"));
            try {
                index.upsert(id.value(), metadata, Duration.ZERO, RecordingState.RECORDING.name(), "");
            } catch (RuntimeException e) {
                // search is secondary: the recording itself must go on (it is re-indexed at seal)
                problems.add(clock.instant() + " indexing " + id + " at start failed: " + e);
                log.error("indexing {} at start failed", id, e);
            }
            events.publish(new RecordingStarted(clock.instant(), id, metadata.interaction()));
            return w;
        } catch (IOException | RuntimeException e) {
            String reason = "cannot start recording for interaction " + metadata.interaction() + " in " + dir + ": " + e;
            problems.add(clock.instant() + " " + reason);
            events.publish(new RecordingFailed(clock.instant(), id, metadata.interaction(), reason));
            throw new RecordingStoreException(reason, e);
        }
    }

    @Override
    public Optional<ActiveRecording> active(InteractionId interaction) {
        return active.values().stream().filter(w -> w.metadata().interaction().equals(interaction))
                .map(w -> (ActiveRecording) w).findFirst();
    }

    @Override
    public RecordingSummary sealed(RecordingWriter writer, Manifest manifest) {
        Path dir = root.resolve(writer.id().value());
        RecordingSummary summary = summary(new Stored(dir, manifest));
        try {
            index.upsert(writer.id().value(), manifest.metadata(), summary.duration(), manifest.state().name(),
                    transcript(readTimeline(new Stored(dir, manifest))));
        } catch (RuntimeException e) {
            problems.add(clock.instant() + " indexing " + writer.id() + " failed: " + e);
            log.error("indexing {} failed", writer.id(), e);
        }
        // no longer active only once its transcript is searchable: whoever saw it leave finds it by its words
        active.remove(writer.id());
        droppedOfClosed.addAndGet(writer.droppedPackets());
        events.publish(new RecordingSealed(clock.instant(), writer.id(), manifest.metadata().interaction(), false));
        if (config.exportOnSeal()) {
            Thread.ofVirtual().name("recording-export-" + writer.id()).start(() -> {
                for (LegEntry leg : manifest.legs().values()) {
                    try {
                        exports.leg(new Stored(dir, manifest), leg);
                    } catch (RuntimeException e) {
                        log.warn("export on seal of {}/{} failed", writer.id(), leg.legId(), e);
                    }
                }
            });
        }
        return summary;
    }

    @Override
    public void failed(RecordingWriter writer, String reason) {
        problems.add(clock.instant() + " recording " + writer.id() + ": " + reason);
        events.publish(new RecordingFailed(clock.instant(), writer.id(), writer.metadata().interaction(), reason));
    }

    // ---------------------------------------------------------------- read side

    @Override
    public List<RecordingSummary> search(Viewer viewer, RecordingQuery query) {
        Objects.requireNonNull(viewer, "viewer");
        ensureOpen();
        String detail = "purpose=" + viewer.purpose() + "; " + query.describe();
        Set<Region> regions = query.region().map(Set::of).orElse(viewer.regions());
        Optional<String> denial = policy.roleDenial(viewer, AuditAction.SEARCH)
                .or(() -> query.region().flatMap(r -> policy.regionDenial(viewer, r)));
        if (denial.isPresent()) {
            audit.append(viewer.userId(), AuditAction.SEARCH, null, regions, AuditEntry.Outcome.DENIED,
                    denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        List<RecordingSummary> out = new ArrayList<>();
        for (String id : regions.isEmpty() ? List.<String>of() : index.search(query, regions)) {
            try {
                out.add(summary(load(RecordingId.of(id))));
            } catch (RecordingNotFoundException e) {
                log.warn("index lists {} but it is gone", id);
            }
        }
        audit.append(viewer.userId(), AuditAction.SEARCH, null, regions, AuditEntry.Outcome.ALLOWED,
                detail + "; results=" + out.size());
        return out;
    }

    @Override
    public RecordingSummary describe(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.DESCRIBE, id, "", this::summary, r -> "");
    }

    @Override
    public List<TimelineEntry> timeline(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.TIMELINE, id, "", this::readTimeline, l -> "entries=" + l.size());
    }

    @Override
    public String timelineJson(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.TIMELINE, id, "format=json", this::timelineDocument, s -> "");
    }

    @Override
    public List<LegInfo> legs(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.LEGS, id, "", s -> summary(s).legs(), l -> "legs=" + l.size());
    }

    @Override
    public MediaFile media(Viewer viewer, RecordingId id, String legId) {
        return guarded(viewer, AuditAction.REPLAY, id, "leg=" + legId, s -> {
            LegEntry leg = s.manifest().legs().get(legId);
            if (leg == null) {
                throw new RecordingNotFoundException("recording " + id + " has no leg '" + legId + "' (legs: "
                        + s.manifest().legs().keySet() + ")");
            }
            VerificationResult v = verifyStored(s);
            if (!v.ok()) {
                throw new VerificationFailedException(v);
            }
            ExportedMedia m = exports.leg(s, leg);
            return new MediaFile(id, legId, m.path(), m.size(), m.contentType(), m.duration());
        }, m -> "size=" + m.size() + " type=" + m.contentType());
    }

    @Override
    public VerificationResult verify(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.VERIFY, id, "", this::verifyStored,
                v -> v.ok() ? "ok, segments=" + v.segmentsChecked() : "FAILED: " + v.reason());
    }

    @Override
    public ExportPackage exportPackage(Viewer viewer, RecordingId id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an export needs a reason");
        }
        return guarded(viewer, AuditAction.EXPORT, id, "reason=" + reason, s -> exports.writePackage(s, reason),
                p -> "sha256=" + p.sha256() + " size=" + p.size());
    }

    @Override
    public List<AuditEntry> audit(Viewer viewer, AuditQuery query) {
        Optional<String> denial = policy.roleDenial(viewer, AuditAction.READ_AUDIT);
        String detail = "purpose=" + viewer.purpose() + "; " + query.describe();
        if (denial.isPresent()) {
            audit.append(viewer.userId(), AuditAction.READ_AUDIT, query.recording().orElse(null), viewer.regions(),
                    AuditEntry.Outcome.DENIED, denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        // only entries about regions the reader is granted: another region's recording ids, purposes and search
        // criteria stay out of sight
        List<AuditEntry> entries = audit.read(e -> e.visibleTo(viewer)
                        && query.recording().map(r -> e.recording().orElse("").equals(r)).orElse(true)
                        && query.userId().map(u -> e.userId().equals(u)).orElse(true)
                        && query.from().map(f -> !e.at().isBefore(f)).orElse(true)
                        && query.to().map(t -> e.at().isBefore(t)).orElse(true), query.limit());
        audit.append(viewer.userId(), AuditAction.READ_AUDIT, query.recording().orElse(null), viewer.regions(),
                AuditEntry.Outcome.ALLOWED, detail + "; entries=" + entries.size());
        return entries;
    }

    @Override
    public AuditVerification verifyAudit() {
        return audit.verify();
    }

    @Override
    public void legalHold(Viewer viewer, RecordingId id, boolean hold, String reason) {
        guarded(viewer, hold ? AuditAction.LEGAL_HOLD : AuditAction.RELEASE_HOLD, id, "reason=" + need(reason), s -> {
            LegalHolds.write(s.dir(), hold, reason, viewer.userId(), clock.instant());
            return hold;
        }, h -> "");
    }

    @Override
    public DeletionRequest requestDeletion(Viewer viewer, RecordingId id, String reason) {
        return guarded(viewer, AuditAction.DELETE_REQUEST, id, "reason=" + need(reason), s -> {
            if (LegalHolds.onHold(s.dir())) {
                throw new LegalHoldException("recording " + id + " is on legal hold and cannot be deleted");
            }
            DeletionRequest request = new DeletionRequest(id, viewer.userId(), reason.strip(), clock.instant());
            DeletionRequests.write(s.dir(), request);
            return request;
        }, r -> "awaiting approval by a second officer");
    }

    @Override
    public void withdrawDeletion(Viewer viewer, RecordingId id, String reason) {
        guarded(viewer, AuditAction.DELETE_WITHDRAW, id, "reason=" + need(reason), s -> {
            DeletionRequest request = pendingDeletion(s);
            DeletionRequests.remove(s.dir());
            return request;
        }, r -> "request of " + r.requestedBy() + " withdrawn");
    }

    @Override
    public void approveDeletion(Viewer viewer, RecordingId id, String reason) {
        guarded(viewer, AuditAction.DELETE, id, "reason=" + need(reason), s -> {
            DeletionRequest request = pendingDeletion(s);
            if (request.requestedBy().equals(viewer.userId())) {
                throw new AccessDeniedException("four eyes: " + viewer.userId() + " requested the deletion of " + id
                        + " and cannot approve it; a second officer must");
            }
            if (active.containsKey(id)) {
                throw new RecordingStoreException("recording " + id + " is still recording; seal it first");
            }
            if (LegalHolds.onHold(s.dir())) {
                throw new LegalHoldException("recording " + id + " is on legal hold and cannot be deleted");
            }
            destroy(s);
            return request;
        }, r -> "requested by " + r.requestedBy() + " (" + r.reason() + "); data key destroyed");
    }

    private DeletionRequest pendingDeletion(Stored s) {
        return DeletionRequests.read(s.dir(), s.id()).orElseThrow(() -> new DeletionNotRequestedException(
                "no deletion of recording " + s.id() + " was requested"));
    }

    @Override
    public RetentionPolicy retention() {
        return rules.current();
    }

    @Override
    public RetentionPolicy setQueueRetention(Viewer viewer, QueueId queue, Optional<Duration> period, String reason) {
        return setRule(viewer, viewer.regions(), "queue=" + queue, period, reason, () -> rules.setQueue(queue, period));
    }

    @Override
    public RetentionPolicy setRegionRetention(Viewer viewer, Region region, Optional<Duration> period, String reason) {
        return setRule(viewer, Set.of(region), "region=" + region, period, reason, () -> {
            policy.regionDenial(viewer, region).ifPresent(d -> {
                throw new AccessDeniedException(d);
            });
            return rules.setRegion(region, period);
        });
    }

    private RetentionPolicy setRule(Viewer viewer, Set<Region> regions, String what, Optional<Duration> period,
                                    String reason, java.util.function.Supplier<RetentionPolicy> change) {
        Objects.requireNonNull(viewer, "viewer");
        ensureOpen();
        period.flatMap(RetentionRules::invalid).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String detail = "purpose=" + viewer.purpose() + "; " + what + ", period="
                + period.map(p -> p.toDays() + " days").orElse("configured default") + "; reason=" + need(reason);
        Optional<String> denial = policy.roleDenial(viewer, AuditAction.RETENTION_RULE);
        if (denial.isPresent()) {
            audit.append(viewer.userId(), AuditAction.RETENTION_RULE, null, regions, AuditEntry.Outcome.DENIED,
                    denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        try {
            RetentionPolicy now = change.get();
            audit.append(viewer.userId(), AuditAction.RETENTION_RULE, null, regions, AuditEntry.Outcome.ALLOWED,
                    detail);
            return now;
        } catch (AccessDeniedException e) {
            audit.append(viewer.userId(), AuditAction.RETENTION_RULE, null, regions, AuditEntry.Outcome.DENIED,
                    e.getMessage() + "; " + detail);
            throw e;
        }
    }

    @Override
    public void auditRefusal(String userId, Set<Region> regions, AuditAction attempted, String recording,
                             String detail) {
        Set<Region> about = recording == null ? regions : regionOf(recording).map(Set::of).orElse(regions);
        audit.append(userId, attempted, recording, about, AuditEntry.Outcome.DENIED, detail);
    }

    private static String need(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason must be given");
        }
        return reason.strip();
    }

    @Override
    public RetentionReport applyRetention(Instant now) {
        List<RecordingId> deleted = new ArrayList<>();
        List<RecordingId> held = new ArrayList<>();
        for (Stored s : allStored()) {
            if (active.containsKey(s.id()) || RecordingLifecycle.isOpen(s.manifest().state())) {
                continue;
            }
            Optional<Instant> until = retainUntil(s.manifest());
            if (until.isEmpty() || !until.get().isBefore(now)) {
                continue;
            }
            if (LegalHolds.onHold(s.dir())) {
                held.add(s.id());
                continue;
            }
            try {
                destroy(s);
                audit.append(SYSTEM_RETENTION, AuditAction.RETENTION_DELETE, s.id().value(), regionOf(s),
                        AuditEntry.Outcome.ALLOWED, "retention ended " + until.get() + "; data key destroyed");
                deleted.add(s.id());
            } catch (RuntimeException e) {
                audit.append(SYSTEM_RETENTION, AuditAction.RETENTION_DELETE, s.id().value(), regionOf(s),
                        AuditEntry.Outcome.FAILED, e.toString());
            }
        }
        exports.evictCache(now);
        return new RetentionReport(deleted, held);
    }

    @Override
    public int rewrapDataKeys(String masterKeyId) {
        keys.masterKey(masterKeyId);
        int n = 0;
        for (Stored s : allStored()) {
            try {
                if (!DataKeyFile.masterKeyId(s.dir()).equals(masterKeyId)) {
                    SecretKey k = DataKeyFile.read(s.dir(), s.id().value(), keys);
                    DataKeyFile.write(s.dir(), s.id().value(), k, keys, masterKeyId, random);
                    audit.append("system:rewrap", AuditAction.REWRAP, s.id().value(), regionOf(s),
                            AuditEntry.Outcome.ALLOWED,
                            "data key re-wrapped with master key " + masterKeyId);
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("re-wrapping the data key of " + s.id() + " failed: " + e.getMessage(),
                        e);
            }
        }
        return n;
    }

    @Override
    public StoreHealth health() {
        long dropped = droppedOfClosed.get();
        for (RecordingWriter w : active.values()) {
            dropped += w.droppedPackets();
        }
        List<String> recent = List.copyOf(problems);
        if (recent.size() > 100) {
            recent = recent.subList(recent.size() - 100, recent.size());
        }
        return new StoreHealth(problems.isEmpty(), active.size(), dropped, recent);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        for (RecordingWriter w : List.copyOf(active.values())) {
            try {
                w.seal();
            } catch (RuntimeException e) {
                log.error("sealing {} on close failed", w.id(), e);
            }
        }
        closed = true;
        index.close();
        audit.close();
    }

    // ---------------------------------------------------------------- internals

    private <T> T guarded(Viewer viewer, AuditAction action, RecordingId id, String extra, Function<Stored, T> body,
                          Function<T, String> outcome) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(id, "recording id");
        ensureOpen();
        String detail = "purpose=" + viewer.purpose() + (extra.isEmpty() ? "" : "; " + extra);
        Optional<String> denial = policy.roleDenial(viewer, action);
        if (denial.isPresent()) {
            audit.append(viewer.userId(), action, id.value(), regionOf(id.value()).map(Set::of).orElse(Set.of()),
                    AuditEntry.Outcome.DENIED, denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        Stored s;
        try {
            s = load(id);
        } catch (RecordingNotFoundException e) {
            audit.append(viewer.userId(), action, id.value(), viewer.regions(), AuditEntry.Outcome.FAILED,
                    e.getMessage() + "; " + detail);
            throw e;
        }
        Set<Region> regions = regionOf(s);
        denial = policy.regionDenial(viewer, s.manifest().metadata().region());
        if (denial.isPresent()) {
            // the audit names the region; the person refused is told nothing about it
            audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.DENIED,
                    denial.get() + "; " + detail);
            throw new AccessDeniedException(policy.refusal(viewer, id.value()));
        }
        T result;
        try {
            result = body.apply(s);
        } catch (AccessDeniedException e) {
            audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.DENIED,
                    e.getMessage() + "; " + detail);
            throw e;
        } catch (RuntimeException e) {
            audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.FAILED,
                    e.getMessage() + "; " + detail);
            throw e;
        }
        String out = outcome.apply(result);
        audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.ALLOWED,
                detail + (out.isEmpty() ? "" : "; " + out));
        return result;
    }

    private static Set<Region> regionOf(Stored s) {
        return Set.of(s.manifest().metadata().region());
    }

    /** The region of a stored recording, for the audit (empty when there is no such recording). */
    private Optional<Region> regionOf(String id) {
        try {
            return Optional.of(load(RecordingId.of(id)).manifest().metadata().region());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Stored load(RecordingId id) {
        if (id.value().equals(".") || id.value().equals("..")) {
            throw new RecordingNotFoundException("recording " + id + " does not exist");
        }
        Path dir = root.resolve(id.value());
        if (!ManifestFile.exists(dir)) {
            throw new RecordingNotFoundException("recording " + id + " does not exist");
        }
        try {
            return new Stored(dir, ManifestFile.read(dir).manifest());
        } catch (IOException e) {
            throw new RecordingStoreException(e.getMessage(), e);
        }
    }

    private List<Stored> allStored() {
        List<Stored> l = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs.sorted()::iterator) {
                if (ManifestFile.exists(d)) {
                    try {
                        l.add(new Stored(d, ManifestFile.read(d).manifest()));
                    } catch (IOException e) {
                        problems.add(clock.instant() + " unreadable manifest in " + d + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return l;
    }

    private RecordingSummary summary(Stored s) {
        Manifest m = s.manifest();
        Instant covered = instantOfMicros(m.coveredUntilMicros());
        Instant end = m.endedAt().orElse(covered);
        Duration duration = Duration.between(m.metadata().startedAt(), end);
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
        String masterKeyId;
        try {
            masterKeyId = DataKeyFile.masterKeyId(s.dir());
        } catch (IOException e) {
            masterKeyId = "destroyed";
        }
        return new RecordingSummary(s.id(), m.metadata(), m.state(), m.endedAt(), covered, duration, legInfos(m),
                LegalHolds.onHold(s.dir()), retainUntil(m), masterKeyId,
                Optional.ofNullable(lastVerification.get(s.id())), DeletionRequests.read(s.dir(), s.id()));
    }

    private List<LegInfo> legInfos(Manifest m) {
        List<LegInfo> out = new ArrayList<>();
        for (LegEntry leg : m.legs().values()) {
            int segs = 0;
            long packets = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (SegmentEntry s : m.segments()) {
                if (s.leg().equals(leg.legId())) {
                    segs++;
                    packets += s.records();
                    first = Math.min(first, s.firstMicros());
                    last = Math.max(last, s.lastMicros());
                }
            }
            out.add(new LegInfo(leg.legId(), leg.party(), leg.payloadTypes(), segs, packets,
                    segs == 0 ? Optional.empty() : Optional.of(instantOfMicros(first)),
                    segs == 0 ? Optional.empty() : Optional.of(instantOfMicros(last)),
                    LegExporter.contentType(leg)));
        }
        return out;
    }

    private Optional<Instant> retainUntil(Manifest m) {
        if (RecordingLifecycle.isOpen(m.state())) {
            return Optional.empty();
        }
        Instant end = m.endedAt().orElse(instantOfMicros(m.coveredUntilMicros()));
        return Optional.of(end.plus(rules.current().periodFor(m.metadata().queue(), m.metadata().region())));
    }

    private VerificationResult verifyStored(Stored s) {
        VerificationResult v = RecordingVerifier.verify(s.dir(), keys, clock.instant());
        lastVerification.put(s.id(), v);
        return v;
    }

    private SecretKey dataKey(Stored s) {
        try {
            return DataKeyFile.read(s.dir(), s.id().value(), keys);
        } catch (IOException e) {
            throw new RecordingStoreException(e.getMessage(), e);
        }
    }

    /** Decrypts the timeline segments (in order). */
    private List<TimelineEntry> readTimeline(Stored s) {
        SecretKey key = dataKey(s);
        List<TimelineEntry> out = new ArrayList<>();
        for (SegmentEntry seg : s.manifest().segments()) {
            if (!seg.leg().equals(Manifest.TIMELINE_LEG)) {
                continue;
            }
            byte[] plain = decrypt(s, seg, key);
            SegmentRecords.forEach(plain, r -> out.add(TimelineCodec.decode(r.buffer(), r.offset(), r.length())));
        }
        out.sort(Comparator.comparing(TimelineEntry::at));
        return out;
    }

    private byte[] decrypt(Stored s, SegmentEntry seg, SecretKey key) {
        try {
            return SegmentCipher.decrypt(key, SegmentCipher.aad(s.id().value(), seg.leg(), seg.index()),
                    Files.readAllBytes(s.dir().resolve(seg.file())));
        } catch (IOException | GeneralSecurityException e) {
            throw new RecordingStoreException("segment " + seg.name() + " of recording " + s.id()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String timelineDocument(Stored s) {
        return TimelineCodec.document(s.id().value(), Manifest.metadataJson(s.manifest().metadata()), readTimeline(s));
    }

    private static String transcript(List<TimelineEntry> entries) {
        StringBuilder b = new StringBuilder();
        for (TimelineEntry e : entries) {
            if (e.kind().isTranscript()) {
                b.append(e.text()).append('\n');
            }
        }
        return b.toString();
    }

    private void destroy(Stored s) {
        try {
            DataKeyFile.destroy(s.dir(), random);
            deleteTree(s.dir());
            deleteTree(config.exportCacheDir().resolve(s.id().value()));
            index.delete(s.id().value());
            lastVerification.remove(s.id());
        } catch (IOException e) {
            throw new RecordingStoreException("deleting recording " + s.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private void recoverAndIndex() {
        boolean reindex = index.createdFresh();
        for (Stored s : allStored()) {
            Stored current = s;
            if (RecordingLifecycle.isOpen(s.manifest().state())) {
                try {
                    current = new Stored(s.dir(), Recovery.recover(s.dir(), s.manifest(), keys, clock));
                    Instant coveredUntil = instantOfMicros(current.manifest().coveredUntilMicros());
                    log.warn("recording {} (interaction {}) was still recording when the process ended: sealed as "
                                    + "INTERRUPTED, covered until {}, {} segments", s.id(),
                            s.manifest().metadata().interaction(), coveredUntil, current.manifest().segments().size());
                    audit.append(SYSTEM_RECOVERY, AuditAction.RECOVERED, s.id().value(), regionOf(s),
                            AuditEntry.Outcome.ALLOWED,
                            "process ended while recording; sealed as INTERRUPTED, covered until " + coveredUntil);
                    events.publish(new RecordingSealed(clock.instant(), s.id(),
                            s.manifest().metadata().interaction(), true));
                    reindex = true;
                } catch (IOException | RuntimeException e) {
                    problems.add(clock.instant() + " recovery of " + s.id() + " failed: " + e);
                    log.error("recovery of {} failed", s.id(), e);
                    continue;
                }
            }
            if (reindex || RecordingLifecycle.isOpen(s.manifest().state())) {
                try {
                    index.upsert(current.id().value(), current.manifest().metadata(), summary(current).duration(),
                            current.manifest().state().name(), transcript(readTimeline(current)));
                } catch (RuntimeException e) {
                    problems.add(clock.instant() + " indexing " + s.id() + " failed: " + e);
                }
            }
            reindex = index.createdFresh();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("recording store is closed");
        }
    }

    private static void restrict(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort on non-POSIX file systems
        }
    }

    static Instant instantOfMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
