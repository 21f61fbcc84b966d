package org.mvtm.webtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.media.PayloadType;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.AuditVerification;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.RetentionReport;
import org.mvtm.recording.api.StoreHealth;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;

/**
 * An in-test recording store, used until recording-store ships its implementation. Deliberately does NOT enforce
 * regions, so the tests prove the web tier's own region scoping; it does write an audit entry per read.
 */
final class MemoryRecordingStore implements RecordingStore {
    private final Clock clock;
    private final Path dir;
    private final Map<RecordingId, RecordingSummary> summaries = new ConcurrentHashMap<>();
    private final Map<RecordingId, List<TimelineEntry>> timelines = new ConcurrentHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    MemoryRecordingStore(Clock clock, Path dir) {
        this.clock = clock;
        this.dir = dir;
    }

    /** Adds a sealed recording with one leg ("customer", 4 KiB of bytes) and a chat timeline. */
    RecordingId add(String customer, String customerName, Region region, Language language, List<String> chat) {
        RecordingId id = RecordingId.random();
        Instant at = clock.instant();
        RecordingMetadata metadata = new RecordingMetadata(InteractionId.random(), ConversationId.random(), Channel.VIDEO,
                CustomerId.of(customer), customerName, AgentId.of("agent-ada"), "Ada Wong", QueueId.of("general"), region,
                language, at);
        LegInfo leg = new LegInfo("customer", "customer", List.<PayloadType>of(), 1, 10, Optional.of(at), Optional.of(at), "video/webm");
        summaries.put(id, new RecordingSummary(id, metadata, RecordingState.SEALED, Optional.of(at), at, Duration.ofSeconds(30),
                List.of(leg), false, Optional.empty(), "m1", Optional.empty()));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (String line : chat) {
            timeline.add(TimelineEntry.event(at, TimelineEntry.Kind.CUSTOMER_MESSAGE, customer, line));
        }
        timelines.put(id, timeline);
        try {
            byte[] bytes = new byte[4096];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
            Files.write(dir.resolve(id.value() + "-customer.webm"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private synchronized void audit(Viewer viewer, AuditAction action, Optional<String> recording, String detail) {
        audit.add(new AuditEntry(audit.size() + 1, clock.instant(), viewer.userId(), action, recording,
                AuditEntry.Outcome.ALLOWED, detail, "", ""));
    }

    private RecordingSummary get(RecordingId id) {
        RecordingSummary s = summaries.get(id);
        if (s == null) {
            throw new RecordingNotFoundException("no recording " + id);
        }
        return s;
    }

    @Override
    public List<RecordingSummary> search(Viewer viewer, RecordingQuery query) {
        audit(viewer, AuditAction.SEARCH, Optional.empty(), "purpose=" + viewer.purpose() + "; " + query.describe());
        return summaries.values().stream()
                .filter(s -> query.customer().map(c -> s.metadata().customer().value().equals(c)
                        || s.metadata().customerName().toLowerCase().contains(c.toLowerCase())).orElse(true))
                .filter(s -> query.text().map(t -> timelines.get(s.id()).stream().anyMatch(e -> e.text().contains(t))).orElse(true))
                .filter(s -> query.region().map(r -> s.metadata().region().equals(r)).orElse(true))
                .toList();
    }

    @Override
    public RecordingSummary describe(Viewer viewer, RecordingId id) {
        audit(viewer, AuditAction.DESCRIBE, Optional.of(id.value()), viewer.purpose());
        return get(id);
    }

    @Override
    public List<TimelineEntry> timeline(Viewer viewer, RecordingId id) {
        get(id);
        audit(viewer, AuditAction.TIMELINE, Optional.of(id.value()), viewer.purpose());
        return timelines.get(id);
    }

    @Override
    public List<LegInfo> legs(Viewer viewer, RecordingId id) {
        return get(id).legs();
    }

    @Override
    public MediaFile media(Viewer viewer, RecordingId id, String legId) {
        get(id);
        audit(viewer, AuditAction.REPLAY, Optional.of(id.value()), legId);
        Path file = dir.resolve(id.value() + "-" + legId + ".webm");
        try {
            return new MediaFile(id, legId, file, Files.size(file), "video/webm", Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new RecordingNotFoundException("no leg " + legId + " in " + id);
        }
    }

    @Override
    public VerificationResult verify(Viewer viewer, RecordingId id) {
        get(id);
        audit(viewer, AuditAction.VERIFY, Optional.of(id.value()), "");
        return VerificationResult.ok(id, 2, clock.instant());
    }

    @Override
    public ExportPackage exportPackage(Viewer viewer, RecordingId id, String reason) {
        get(id);
        audit(viewer, AuditAction.EXPORT, Optional.of(id.value()), "purpose=" + viewer.purpose() + "; reason=" + reason);
        try {
            Path zip = dir.resolve(id.value() + ".zip");
            Files.write(zip, new byte[] {'P', 'K', 5, 6});
            return new ExportPackage(id, zip, 4, "00");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized List<AuditEntry> audit(Viewer viewer, AuditQuery query) {
        return audit.stream().filter(e -> query.recording().map(r -> e.recording().filter(r::equals).isPresent()).orElse(true)).toList();
    }

    @Override public ActiveRecording start(RecordingMetadata metadata) { throw new UnsupportedOperationException("not used by the web tier"); }
    @Override public Optional<ActiveRecording> active(InteractionId interaction) { return Optional.empty(); }
    @Override public String timelineJson(Viewer viewer, RecordingId id) { return "[]"; }
    @Override public AuditVerification verifyAudit() { throw new UnsupportedOperationException("not used by the web tier"); }
    @Override public void legalHold(Viewer viewer, RecordingId id, boolean hold, String reason) { }
    @Override public void delete(Viewer viewer, RecordingId id, String reason) { }
    @Override public RetentionReport applyRetention(Instant now) { throw new UnsupportedOperationException("not used by the web tier"); }
    @Override public int rewrapDataKeys(String masterKeyId) { return 0; }
    @Override public StoreHealth health() { throw new UnsupportedOperationException("not used by the web tier"); }
    @Override public void close() { }
}
