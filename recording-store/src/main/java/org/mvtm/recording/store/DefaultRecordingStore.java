package org.mvtm.recording.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import org.mvtm.core.Region;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.RecordingSealed;
import org.mvtm.core.event.RecordingStarted;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.access.AccessPolicy;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.AuditVerification;
import org.mvtm.recording.api.ChainPoint;
import org.mvtm.recording.api.DeletionRequest;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingFailed;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingPart;
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
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;
import org.mvtm.recording.audit.AuditLog;
import org.mvtm.recording.crypto.DataKeyFile;
import org.mvtm.recording.crypto.PrivateFiles;
import org.mvtm.recording.crypto.SegmentCipher;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.PartOf;
import org.mvtm.recording.search.RecordingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link RecordingStore}. Layout under {@code dataDir}: {@code recordings/<id>/} (manifest.json,
 * datakey.json, hold.json, legs/&lt;leg&gt;/NNNNNN.seg, timeline/NNNNNN.seg), {@code audit/audit.jsonl},
 * {@code index/} (Lucene). Decrypted exports go to {@code exportCacheDir}.
 *
 * <p>This class wires the store's parts and keeps the lifecycle of active recordings (start, seal, close). The jobs
 * live apart: {@link StoredRecordings} (reading what is on disk), {@link AuditedAccess} (role/region checks and the
 * audit of every read), {@link RetentionAndHolds} (retention rules and purge, legal hold, four-eyes deletion),
 * {@link KeyRewrap} (master key rotation), {@link StartupRecovery} (crash recovery and re-indexing),
 * {@link RecordingExports} (playable files and evidence packages) and {@link StoreProblems} (health).
 */
public final class DefaultRecordingStore implements RecordingStore, WriterListener {
    private static final Logger log = LoggerFactory.getLogger(DefaultRecordingStore.class);

    private final RecordingStoreConfig config;
    private final RecordingKeys keys;
    private final Clock clock;
    private final EventBus events;
    private final SecureRandom random = new SecureRandom();
    private final SegmentCipher cipher = new SegmentCipher(random);
    private final Path root;
    private final AuditLog audit;
    private final RecordingIndex index;
    private final StoreProblems problems;
    private final StoredRecordings stored;
    private final RecordingExports exports;
    private final AuditedAccess access;
    private final RetentionAndHolds retention;
    private final KeyRewrap rewrap;
    private final Map<RecordingId, RecordingWriter> active = new ConcurrentHashMap<>();
    private final ChainListeners chain = new ChainListeners();
    private final RecordingAnnotations annotations;
    private volatile boolean closed;

    private DefaultRecordingStore(RecordingStoreConfig config, Clock clock, EventBus events) throws IOException {
        this.config = config;
        this.keys = config.keys();
        this.clock = clock;
        this.events = events;
        RetentionRules rules = new RetentionRules(config.dataDir().resolve("retention.json"), config.retention());
        this.root = config.dataDir().resolve("recordings");
        PrivateFiles.createDirectories(root);
        PrivateFiles.createDirectories(config.exportCacheDir()); // replays are decrypted there
        try {
            PrivateFiles.restrict(config.exportCacheDir()); // one that was there already
        } catch (IOException e) {
            log.warn("the export cache {} could not be made private (0700): {}", config.exportCacheDir(), e.toString());
        }
        this.audit = new AuditLog(config.dataDir().resolve("audit"), clock, keys);
        this.index = new RecordingIndex(config.dataDir().resolve("index"), keys);
        this.problems = new StoreProblems(clock);
        this.stored = new StoredRecordings(root, config.exportCacheDir(), keys, clock, random, rules, index, problems);
        this.exports = new RecordingExports(config, keys, clock, stored);
        AccessPolicy policy = new AccessPolicy();
        this.access = new AuditedAccess(policy, audit, index, stored, exports);
        this.retention = new RetentionAndHolds(clock, policy, audit, rules, stored, access, exports,
                active::containsKey);
        this.rewrap = new KeyRewrap(keys, random, audit, stored);
        this.annotations = new RecordingAnnotations(keys, cipher);
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
            new StartupRecovery(s.keys, clock, events, s.audit, s.index, s.stored, s.problems).recoverAndIndex();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open recording store in " + config.dataDir() + ": " + e.getMessage(),
                    e);
        }
    }

    // ---------------------------------------------------------------- write side (lifecycle)

    @Override
    public ActiveRecording start(RecordingMetadata metadata) {
        return open(RecordingId.random(), metadata, PartOf.FIRST, "recording started");
    }

    /**
     * The same recording id, its chain starting from the earlier part's head; when this store holds that id already
     * (the call came back to a node that recorded an earlier part of it), a new recording instead, as before
     * continuation existed.
     */
    @Override
    public ActiveRecording continueRecording(RecordingMetadata metadata, ChainPoint previous, String previousNode) {
        ensureOpen();
        if (!metadata.interaction().equals(previous.interaction())) {
            throw new IllegalArgumentException("previous part is of interaction " + previous.interaction()
                    + ", not " + metadata.interaction());
        }
        if (Files.exists(stored.dirOf(previous.recording()))) {
            log.warn("recording {} has a part here already: the rest of {} is a new recording", previous.recording(),
                    metadata.interaction());
            return start(metadata);
        }
        int part = previous.part() + 1;
        return new PartLegs(open(previous.recording(), metadata, new PartOf(part, previousNode, previous.segments(),
                previous.chainHead()), "recording continued as part " + part + " after segment " + previous.segments()
                + " of part " + previous.part() + " (recorded on " + previousNode + "); its legs are named <leg>-part"
                + part), part);
    }

    private RecordingWriter open(RecordingId id, RecordingMetadata metadata, PartOf partOf, String opening) {
        ensureOpen();
        Path dir = stored.dirOf(id);
        try {
            PrivateFiles.createDirectories(dir);
            SecretKey dataKey = DataKeyFile.newDataKey(random);
            String masterKeyId = keys.activeMasterKeyId();
            DataKeyFile.write(dir, id.value(), dataKey, keys, masterKeyId, random);
            Manifest manifest = new Manifest(id, metadata, config.segmentLength().toMillis(), masterKeyId, partOf,
                    RecordingState.RECORDING);
            ManifestFile.write(dir, manifest, keys);
            chain.advanced(manifest); // where the chain starts: the earlier part's head, or nothing yet
            RecordingWriter w = new RecordingWriter(manifest, dir, dataKey, keys, cipher, clock,
                    config.queueCapacity(), this);
            active.put(id, w);
            w.start();
            w.appendTimeline(TimelineEntry.event(clock.instant(), TimelineEntry.Kind.RECORDING_STARTED, "system",
                    opening));
            try {
                index.upsert(id.value(), metadata, Duration.ZERO, RecordingState.RECORDING.name(), "");
            } catch (RuntimeException e) {
                // search is secondary: the recording itself must go on (it is re-indexed at seal)
                problems.add("indexing " + id + " at start failed: " + e);
                log.error("indexing {} at start failed", id, e);
            }
            events.publish(new RecordingStarted(clock.instant(), id, metadata.interaction()));
            return w;
        } catch (IOException | RuntimeException e) {
            String reason = "cannot start recording for interaction " + metadata.interaction() + " in " + dir + ": " + e;
            problems.add(reason);
            events.publish(new RecordingFailed(clock.instant(), id, metadata.interaction(), reason));
            throw new RecordingStoreException(reason, e);
        }
    }

    @Override
    public void onChainAdvanced(Consumer<ChainPoint> listener) {
        chain.add(listener);
    }

    @Override
    public void chainAdvanced(RecordingWriter writer, Manifest manifest) {
        chain.advanced(manifest);
    }

    @Override
    public Optional<ActiveRecording> active(InteractionId interaction) {
        return active.values().stream().filter(w -> w.metadata().interaction().equals(interaction))
                .map(w -> (ActiveRecording) w).findFirst();
    }

    @Override
    public RecordingSummary sealed(RecordingWriter writer, Manifest manifest) {
        StoredRecording s = new StoredRecording(stored.dirOf(writer.id()), manifest);
        RecordingSummary summary = stored.summary(s);
        stored.index(s, "");
        // no longer active only once its transcript is searchable: whoever saw it leave finds it by its words
        active.remove(writer.id());
        problems.writerClosed(writer);
        events.publish(new RecordingSealed(clock.instant(), writer.id(), manifest.metadata().interaction(), false));
        if (config.exportOnSeal()) {
            Thread.ofVirtual().name("recording-export-" + writer.id()).start(() -> {
                for (LegEntry leg : manifest.legs().values()) {
                    try {
                        exports.leg(s, leg);
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
        problems.add("recording " + writer.id() + ": " + reason);
        events.publish(new RecordingFailed(clock.instant(), writer.id(), writer.metadata().interaction(), reason));
    }

    @Override
    public void pauseMarked(RecordingWriter writer, TimelineEntry mark) {
        boolean paused = mark.kind() == TimelineEntry.Kind.RECORDING_PAUSED;
        audit.append(mark.actor(), paused ? AuditAction.PCI_PAUSE : AuditAction.PCI_RESUME, writer.id().value(),
                Set.of(writer.metadata().region()), AuditEntry.Outcome.ALLOWED, "party="
                        + mark.attributes().get("party") + "; reason=" + mark.attributes().get("reason"));
    }

    // ---------------------------------------------------------------- read side (audited access)

    @Override
    public List<RecordingSummary> search(Viewer viewer, RecordingQuery query) {
        return openAccess().search(viewer, query);
    }

    @Override
    public RecordingSummary describe(Viewer viewer, RecordingId id) {
        return openAccess().describe(viewer, id);
    }

    @Override
    public List<TimelineEntry> timeline(Viewer viewer, RecordingId id) {
        return openAccess().timeline(viewer, id);
    }

    @Override
    public String timelineJson(Viewer viewer, RecordingId id) {
        return openAccess().timelineJson(viewer, id);
    }

    @Override
    public List<LegInfo> legs(Viewer viewer, RecordingId id) {
        return openAccess().legs(viewer, id);
    }

    @Override
    public MediaFile media(Viewer viewer, RecordingId id, String legId) {
        return openAccess().media(viewer, id, legId);
    }

    @Override
    public VerificationResult verify(Viewer viewer, RecordingId id) {
        return openAccess().verify(viewer, id);
    }

    @Override
    public RecordingPart verifyPart(Viewer viewer, RecordingId id) {
        return openAccess().guarded(viewer, AuditAction.VERIFY, id, "", stored::part, p -> "part " + p.part() + ": "
                + (p.verification().ok() ? "ok, segments=" + p.verification().segmentsChecked()
                : "FAILED: " + p.verification().reason()));
    }

    @Override
    public ExportPackage exportPackage(Viewer viewer, RecordingId id, String reason) {
        return openAccess().exportPackage(viewer, id, reason);
    }

    @Override
    public List<AuditEntry> audit(Viewer viewer, AuditQuery query) {
        return access.audit(viewer, query);
    }

    @Override
    public AuditVerification verifyAudit() {
        return audit.verify();
    }

    @Override
    public void auditRefusal(String userId, Set<Region> regions, AuditAction attempted, String recording,
                             String detail) {
        access.auditRefusal(userId, regions, attempted, recording, detail);
    }

    @Override
    public void auditAction(String userId, Set<Region> regions, AuditAction action, String recording,
                            AuditEntry.Outcome outcome, String detail) {
        audit.append(userId, action, recording, regions, outcome, detail);
    }

    @Override
    public List<RecordingId> annotate(InteractionId interaction, TimelineEntry entry) {
        ensureOpen();
        Optional<ActiveRecording> open = active(interaction);
        if (open.isPresent()) {
            try {
                open.get().appendTimeline(entry);
                audit.append(entry.actor(), AuditAction.ANNOTATE, open.get().id().value(),
                        Set.of(open.get().metadata().region()), AuditEntry.Outcome.ALLOWED,
                        "kind=" + entry.kind() + "; in the timeline before the seal" + code(entry));
                return List.of(open.get().id());
            } catch (IllegalStateException sealing) {
                open.get().seal(); // being sealed right now: annotate the sealed recording
            }
        }
        List<RecordingId> done = new ArrayList<>();
        for (String id : index.ofInteraction(interaction.value())) {
            StoredRecording s;
            synchronized (annotations) {
                s = stored.load(RecordingId.of(id));
                if (RecordingLifecycle.isOpen(s.manifest().state())) {
                    continue; // another node's writer (or a crash) left it open: recovery seals it first
                }
                String chain = annotations.append(s, stored.dataKey(s), entry);
                audit.append(entry.actor(), AuditAction.ANNOTATE, id, StoredRecordings.regionOf(s),
                        AuditEntry.Outcome.ALLOWED, "kind=" + entry.kind() + "; chain=" + chain + code(entry));
            }
            stored.index(s, " after annotating it");
            done.add(s.id());
        }
        return done;
    }

    private static String code(TimelineEntry entry) {
        return entry.attributes().containsKey("code") ? "; code=" + entry.attributes().get("code") : "";
    }

    // ---------------------------------------------------------------- retention, legal hold, deletion

    @Override
    public void legalHold(Viewer viewer, RecordingId id, boolean hold, String reason) {
        openRetention().legalHold(viewer, id, hold, reason);
    }

    @Override
    public DeletionRequest requestDeletion(Viewer viewer, RecordingId id, String reason) {
        return openRetention().requestDeletion(viewer, id, reason);
    }

    @Override
    public void withdrawDeletion(Viewer viewer, RecordingId id, String reason) {
        openRetention().withdrawDeletion(viewer, id, reason);
    }

    @Override
    public void approveDeletion(Viewer viewer, RecordingId id, String reason) {
        openRetention().approveDeletion(viewer, id, reason);
    }

    @Override
    public RetentionPolicy retention() {
        return retention.retention();
    }

    @Override
    public RetentionPolicy setQueueRetention(Viewer viewer, QueueId queue, Optional<Duration> period, String reason) {
        return openRetention().setQueueRetention(viewer, queue, period, reason);
    }

    @Override
    public RetentionPolicy setRegionRetention(Viewer viewer, Region region, Optional<Duration> period, String reason) {
        return openRetention().setRegionRetention(viewer, region, period, reason);
    }

    @Override
    public RetentionReport applyRetention(Instant now) {
        return retention.applyRetention(now);
    }

    // ---------------------------------------------------------------- keys, health, close

    @Override
    public int rewrapDataKeys(String masterKeyId) {
        return rewrap.rewrapDataKeys(masterKeyId);
    }

    @Override
    public StoreHealth health() {
        return problems.health(active.values());
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

    /** The audited reads, once sure the store is not closed. */
    private AuditedAccess openAccess() {
        ensureOpen();
        return access;
    }

    /** Legal holds, deletions and retention rules, once sure the store is not closed. */
    private RetentionAndHolds openRetention() {
        ensureOpen();
        return retention;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("recording store is closed");
        }
    }
}
