package org.mvtm.recording.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.recording.api.ChainPoint;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingPart;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.crypto.DataKeyFile;
import org.mvtm.recording.crypto.SegmentCipher;
import org.mvtm.recording.export.LegExporter;
import org.mvtm.recording.manifest.AnnotationChain;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.PartOf;
import org.mvtm.recording.manifest.RecordingVerifier;
import org.mvtm.recording.manifest.SegmentEntry;
import org.mvtm.recording.search.RecordingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings under {@code recordings/}: finding one, reading its summary and decrypted timeline, verifying it and
 * destroying it (data key first). No access control here: callers have allowed the viewer already.
 */
final class StoredRecordings {
    private static final Logger log = LoggerFactory.getLogger(StoredRecordings.class);

    private final Path root;
    private final Path exportCacheDir;
    private final RecordingKeys keys;
    private final Clock clock;
    private final SecureRandom random;
    private final RetentionRules rules;
    private final RecordingIndex index;
    private final StoreProblems problems;
    private final Map<RecordingId, VerificationResult> lastVerification = new ConcurrentHashMap<>();

    StoredRecordings(Path root, Path exportCacheDir, RecordingKeys keys, Clock clock, SecureRandom random,
                     RetentionRules rules, RecordingIndex index, StoreProblems problems) {
        this.root = root;
        this.exportCacheDir = exportCacheDir;
        this.keys = keys;
        this.clock = clock;
        this.random = random;
        this.rules = rules;
        this.index = index;
        this.problems = problems;
    }

    Path dirOf(RecordingId id) {
        return root.resolve(id.value());
    }

    StoredRecording load(RecordingId id) {
        if (id.value().equals(".") || id.value().equals("..")) {
            throw new RecordingNotFoundException("recording " + id + " does not exist");
        }
        Path dir = dirOf(id);
        if (!ManifestFile.exists(dir)) {
            throw new RecordingNotFoundException("recording " + id + " does not exist");
        }
        try {
            return new StoredRecording(dir, ManifestFile.read(dir).manifest());
        } catch (IOException e) {
            throw new RecordingStoreException(e.getMessage(), e);
        }
    }

    List<StoredRecording> all() {
        List<StoredRecording> l = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs.sorted()::iterator) {
                if (ManifestFile.exists(d)) {
                    try {
                        l.add(new StoredRecording(d, ManifestFile.read(d).manifest()));
                    } catch (IOException e) {
                        problems.add("unreadable manifest in " + d + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return l;
    }

    static Set<Region> regionOf(StoredRecording s) {
        return Set.of(s.manifest().metadata().region());
    }

    /** The region of a stored recording, for the audit (empty when there is no such recording). */
    Optional<Region> regionOf(String id) {
        try {
            return Optional.of(load(RecordingId.of(id)).manifest().metadata().region());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    RecordingSummary summary(StoredRecording s) {
        Manifest m = s.manifest();
        Instant covered = EpochMicros.instant(m.coveredUntilMicros());
        String masterKeyId;
        try {
            masterKeyId = DataKeyFile.masterKeyId(s.dir());
        } catch (IOException e) {
            masterKeyId = "destroyed";
        }
        return new RecordingSummary(s.id(), m.metadata(), m.state(), m.endedAt(), covered, duration(m), legInfos(m),
                LegalHolds.onHold(s.dir()), retainUntil(m), masterKeyId,
                Optional.ofNullable(lastVerification.get(s.id())), DeletionRequests.read(s.dir(), s.id()));
    }

    /** From the start to the end, or to the last media kept when it has not ended. */
    private static Duration duration(Manifest m) {
        Instant end = m.endedAt().orElse(EpochMicros.instant(m.coveredUntilMicros()));
        Duration duration = Duration.between(m.metadata().startedAt(), end);
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static List<LegInfo> legInfos(Manifest m) {
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
                    segs == 0 ? Optional.empty() : Optional.of(EpochMicros.instant(first)),
                    segs == 0 ? Optional.empty() : Optional.of(EpochMicros.instant(last)),
                    LegExporter.contentType(leg), leg.kind()));
        }
        return out;
    }

    Optional<Instant> retainUntil(Manifest m) {
        if (RecordingLifecycle.isOpen(m.state())) {
            return Optional.empty();
        }
        Instant end = m.endedAt().orElse(EpochMicros.instant(m.coveredUntilMicros()));
        return Optional.of(end.plus(rules.current().periodFor(m.metadata().queue(), m.metadata().region())));
    }

    /** The sealed recording's chain, signature and segments, then the annotations attached after the seal. */
    VerificationResult verify(StoredRecording s) {
        VerificationResult v = RecordingVerifier.verify(s.dir(), keys, clock.instant());
        if (v.ok()) {
            Optional<String> annotation = AnnotationChain.verify(s.dir(), keys, s.manifest().chainHead());
            if (annotation.isPresent()) {
                v = VerificationResult.failed(s.id(), v.segmentsChecked(), RecordingAnnotations.LEG, null,
                        annotation.get(), clock.instant());
            }
        }
        lastVerification.put(s.id(), v);
        return v;
    }

    /** This store's part of the recording: its place among the parts, its chain, and its own verification. */
    RecordingPart part(StoredRecording s) {
        Manifest m = s.manifest();
        PartOf p = m.partOf();
        Optional<ChainPoint> continues = p.part() == 1 ? Optional.empty() : Optional.of(new ChainPoint(s.id(),
                m.metadata().interaction(), p.part() - 1, p.previousSegments(), p.previousChainHead()));
        return new RecordingPart(s.id(), p.part(), m.state(), continues, p.previousNode(),
                m.segments().stream().map(SegmentEntry::chain).toList(), verify(s), "");
    }

    SecretKey dataKey(StoredRecording s) {
        try {
            return DataKeyFile.read(s.dir(), s.id().value(), keys);
        } catch (IOException e) {
            throw new RecordingStoreException(e.getMessage(), e);
        }
    }

    /** Decrypts the timeline segments and the annotations attached after the seal (in time order). */
    List<TimelineEntry> timeline(StoredRecording s) {
        SecretKey key = dataKey(s);
        List<TimelineEntry> out = new ArrayList<>();
        for (SegmentEntry seg : s.manifest().segments()) {
            if (!seg.leg().equals(Manifest.TIMELINE_LEG)) {
                continue;
            }
            byte[] plain = decrypt(s, seg, key);
            SegmentRecords.forEach(plain, r -> out.add(TimelineCodec.decode(r.buffer(), r.offset(), r.length())));
        }
        out.addAll(RecordingAnnotations.read(s, key));
        out.sort(Comparator.comparing(TimelineEntry::at));
        return out;
    }

    byte[] decrypt(StoredRecording s, SegmentEntry seg, SecretKey key) {
        try {
            return SegmentCipher.decrypt(key, SegmentCipher.aad(s.id().value(), seg.leg(), seg.index()),
                    Files.readAllBytes(s.dir().resolve(seg.file())));
        } catch (IOException | GeneralSecurityException e) {
            throw new RecordingStoreException("segment " + seg.name() + " of recording " + s.id()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    String timelineDocument(StoredRecording s) {
        return TimelineCodec.document(s.id().value(), Manifest.metadataJson(s.manifest().metadata()), timeline(s));
    }

    /**
     * Makes the recording searchable as it stands: its people, state, duration and {@link #transcript}. Search is
     * secondary: a failure becomes one of the store's problems, named {@code after} what, and whoever asked goes on.
     */
    void index(StoredRecording s, String after) {
        try {
            index.upsert(s.id().value(), s.manifest().metadata(), duration(s.manifest()), s.manifest().state().name(),
                    transcript(timeline(s)));
        } catch (RuntimeException e) {
            problems.add("indexing " + s.id() + after + " failed: " + e);
            log.error("indexing {}{} failed", s.id(), after, e);
        }
    }

    /** What the search index holds of a recording's words: its transcript lines and the wrap-up's code and notes. */
    static String transcript(List<TimelineEntry> entries) {
        StringBuilder b = new StringBuilder();
        for (TimelineEntry e : entries) {
            if (e.kind().isTranscript() || e.kind() == TimelineEntry.Kind.WRAP_UP) {
                b.append(e.text()).append('\n');
            }
        }
        return b.toString();
    }

    /** Crypto-shredding: the data key goes first, then the files, the cached exports and the index entry. */
    void destroy(StoredRecording s) {
        try {
            DataKeyFile.destroy(s.dir(), random);
            deleteTree(s.dir());
            deleteTree(exportCacheDir.resolve(s.id().value()));
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
}
