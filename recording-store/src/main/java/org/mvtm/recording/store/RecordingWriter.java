package org.mvtm.recording.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import org.mvtm.core.digest.Digests;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordedDocument;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.crypto.AtomicFiles;
import org.mvtm.recording.crypto.PrivateFiles;
import org.mvtm.recording.crypto.SegmentCipher;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.SegmentEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording in progress. Media I/O threads call {@link #packet}: the bytes are copied into a bounded queue
 * ({@code offer}, never blocking; a full queue drops and counts the packet). Timeline entries and leg
 * announcements go to an unbounded control queue (low volume, never dropped). A single writer virtual thread owns
 * the per-leg segment buffers and the {@link Manifest}: when a leg's segment spans the configured length it is
 * encrypted, written to {@code <file>.tmp}, fsynced, renamed into place, chained into the manifest, and the
 * manifest is rewritten atomically and re-signed. A disk error turns the recording DEGRADED: the call goes on,
 * later media is dropped and counted, what is on disk stays valid.
 */
public final class RecordingWriter implements ActiveRecording {
    private static final Logger log = LoggerFactory.getLogger(RecordingWriter.class);

    private record Packet(String legId, byte type, long arrivalMicros, byte[] data) { }

    private record PauseMark(TimelineEntry entry) { }

    private static final int INGEST_CHUNK = 1024 * 1024;
    /** How long a recording whose media ended waits for the call's end on its timeline before it seals itself. */
    static final Duration SEAL_GRACE = Duration.ofSeconds(5);
    private static final int INGEST_SEGMENT = 8 * 1024 * 1024;

    private final RecordingId id;
    private final Path dir;
    private final SecretKey dataKey;
    private final RecordingKeys keys;
    private final SegmentCipher cipher;
    private final Clock clock;
    private final long segmentMicros;
    private final WriterListener listener;
    private final Manifest manifest;

    private final ArrayBlockingQueue<Packet> packets;
    private final ConcurrentLinkedQueue<Object> control = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<RecordingState> state = new AtomicReference<>(RecordingState.RECORDING);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean mediaOver = new AtomicBoolean();
    private final CompletableFuture<RecordingSummary> sealed = new CompletableFuture<>();
    private final Map<String, LegBuffer> legs = new LinkedHashMap<>();
    private final PciPause pci = new PciPause();
    private final LegBuffer timeline;
    private long timelineBufferedSinceMicros = Long.MAX_VALUE;
    private int segmentsReported = -1;
    private Thread thread;

    /** Writes the recording {@code manifest} describes (its id, metadata and segment length) into {@code dir}. */
    RecordingWriter(Manifest manifest, Path dir, SecretKey dataKey, RecordingKeys keys, SegmentCipher cipher,
                    Clock clock, int queueCapacity, WriterListener listener) {
        this.manifest = manifest;
        this.id = manifest.id();
        this.segmentMicros = manifest.segmentLengthMillis() * 1000;
        this.dir = dir;
        this.dataKey = dataKey;
        this.keys = keys;
        this.cipher = cipher;
        this.clock = clock;
        this.packets = new ArrayBlockingQueue<>(queueCapacity);
        this.listener = listener;
        this.timeline = new LegBuffer(Manifest.TIMELINE_LEG, LegDirs.dirFor(Manifest.TIMELINE_LEG), 0);
    }

    void start() {
        thread = Thread.ofVirtual().name("recording-writer-" + id).start(this::run);
    }

    @Override
    public RecordingId id() {
        return id;
    }

    @Override
    public RecordingMetadata metadata() {
        return manifest.metadata();
    }

    @Override
    public RecordingState state() {
        return state.get();
    }

    public long droppedPackets() {
        return dropped.get();
    }

    @Override
    public void legAdded(LegDescription leg) {
        if (!closing.get()) {
            control.add(leg);
        }
    }

    @Override
    public void packet(String legId, MediaKind kind, long arrivalEpochMicros, byte[] buffer, int offset, int length) {
        if (closing.get() || mediaOver.get() || state.get() != RecordingState.RECORDING) {
            dropped.incrementAndGet();
            return;
        }
        if (pci.silences(arrivalEpochMicros)) {
            return; // PCI pause: not lost, deliberately not kept
        }
        byte[] copy = new byte[length];
        System.arraycopy(buffer, offset, copy, 0, length);
        byte type = kind == MediaKind.VIDEO ? SegmentRecords.VIDEO : SegmentRecords.AUDIO;
        if (!packets.offer(new Packet(legId, type, arrivalEpochMicros, copy))) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void appendTimeline(TimelineEntry entry) {
        if (closing.get()) {
            throw new IllegalStateException("recording " + id + " is " + state.get() + ": cannot append "
                    + entry.kind() + " to its timeline");
        }
        control.add(pci.redact(entry));
    }

    @Override
    public boolean pause(Instant at, String by, String party, String reason) {
        if (closing.get() || !pci.pause(EpochMicros.of(at))) {
            return false;
        }
        control.add(new PauseMark(PciPause.mark(at, TimelineEntry.Kind.RECORDING_PAUSED, by, party, reason)));
        return true;
    }

    @Override
    public boolean resume(Instant at, String by, String party, String reason) {
        if (!pci.resume(EpochMicros.of(at))) {
            return false;
        }
        control.add(new PauseMark(PciPause.mark(at, TimelineEntry.Kind.RECORDING_RESUMED, by, party, reason)));
        return true;
    }

    @Override
    public boolean paused() {
        return pci.paused();
    }

    @Override
    public TimelineEntry addDocument(RecordedDocument document) {
        DocumentWrite write = unlessClosing(new DocumentWrite(document, document.timelineEntry(),
                new CompletableFuture<>()), "store document " + document.name());
        control.add(write);
        return write.await();
    }

    @Override
    public void ingestFile(String legId, Path file, String contentType) {
        control.add(unlessClosing(FileIngest.checked(legId, file, contentType, false), "ingest " + file));
    }

    /** A self-recording media server's file (Kurento): ingested, then deleted; a file that cannot be read is a problem. */
    @Override
    public void fileRecorded(String legId, Path file, String contentType) {
        try {
            control.add(unlessClosing(FileIngest.checked(legId, file, contentType, true), "ingest " + file));
        } catch (IllegalArgumentException | IllegalStateException e) {
            String reason = "the media server's recording of leg " + legId + " was not stored: " + e.getMessage();
            log.error("recording {}: {}", id, reason);
            if (!closing.get()) {
                control.add(new TimelineEntry(clock.instant(), TimelineEntry.Kind.OTHER, "system", reason,
                        Map.of("legId", legId)));
            }
            listener.failed(this, reason);
        }
    }

    private <T> T unlessClosing(T work, String what) {
        if (closing.get()) {
            throw new IllegalStateException("recording " + id + " is " + state.get() + ": cannot " + what);
        }
        return work;
    }

    /**
     * The media is over, but the call's end (who hung up, the wrap-up) still comes to the timeline from the journey,
     * which seals; if nobody does within {@link #SEAL_GRACE}, the recording seals itself.
     */
    @Override
    public void closed() {
        mediaOver.set(true);
        Thread.ofVirtual().name("recording-seal-" + id).start(() -> {
            try {
                Thread.sleep(SEAL_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seal();
        });
    }

    @Override
    public RecordingSummary seal() {
        closing.set(true);
        try {
            return sealed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingStoreException("interrupted while sealing recording " + id, e);
        } catch (ExecutionException e) {
            throw new RecordingStoreException("sealing recording " + id + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private void run() {
        try {
            while (true) {
                drainControl();
                Packet p = packets.poll(20, TimeUnit.MILLISECONDS);
                int n = 0;
                while (p != null) {
                    handle(p);
                    if (++n >= 512) {
                        break;
                    }
                    p = packets.poll();
                }
                rollIdle();
                if (closing.get() && packets.isEmpty()) {
                    drainControl();
                    break;
                }
            }
            finish();
        } catch (Throwable t) {
            log.error("recording {} writer failed", id, t);
            sealed.completeExceptionally(t);
        }
    }

    private void drainControl() {
        Object o;
        while ((o = control.poll()) != null) {
            if (o instanceof LegDescription leg) {
                addLeg(leg);
            } else if (o instanceof TimelineEntry e) {
                bufferTimeline(e);
            } else if (o instanceof FileIngest i) {
                ingest(i);
            } else if (o instanceof DocumentWrite d) {
                document(d);
            } else if (o instanceof PauseMark m) {
                bufferTimeline(m.entry());
                listener.pauseMarked(this, m.entry());
            }
        }
    }

    private void addLeg(LegDescription leg) {
        LegEntry previous = manifest.legs().get(leg.legId());
        manifest.addLeg(new LegEntry(leg.legId(), LegDirs.dirFor(leg.legId()), leg.party(), leg.payloadTypes(),
                previous == null ? null : previous.ingestedType(), leg.kind()));
        bufferTimeline(LegJoined.entry(clock.instant(), leg));
        if (previous == null || !previous.party().equals(leg.party())) {
            writeManifest();
        }
    }

    private void ingest(FileIngest i) {
        LegBuffer buffer = fileLeg(i.legId(), i.contentType(), "unknown");
        byte[] chunk = new byte[INGEST_CHUNK];
        long size = 0;
        try (var in = Files.newInputStream(i.file())) {
            int n;
            while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                buffer.records.add(SegmentRecords.FILE_CHUNK, EpochMicros.of(clock.instant()), chunk, 0, n);
                size += n;
                if (buffer.records.size() >= INGEST_SEGMENT) {
                    flush(buffer);
                }
            }
        } catch (IOException e) {
            manifest.addProblem(clock.instant() + " ingesting " + i.file() + " for leg " + i.legId() + " failed: " + e);
            listener.failed(this, "ingesting " + i.file() + " for leg " + i.legId() + " failed: " + e);
        }
        flush(buffer);
        if (i.deleteAfter() && state.get() == RecordingState.RECORDING) {
            try {
                Files.deleteIfExists(i.file()); // the plaintext the media server wrote is now in the store
            } catch (IOException e) {
                listener.failed(this, "deleting " + i.file() + " after ingesting it failed: " + e);
            }
        }
        bufferTimeline(new TimelineEntry(clock.instant(), TimelineEntry.Kind.OTHER, "system",
                "ingested " + size + " bytes of " + i.contentType() + " for leg " + i.legId(),
                Map.of("legId", i.legId(), "file", i.file().getFileName().toString())));
        writeManifest();
    }

    /** A document: its own leg, written and chained at once, then its timeline entry, flushed too. */
    private void document(DocumentWrite w) {
        RecordedDocument d = w.document();
        LegBuffer buffer = fileLeg(d.legId(), d.contentType(), RecordedDocument.LEG_PARTY);
        buffer.records.addChunks(SegmentRecords.FILE_CHUNK, EpochMicros.of(d.at()), d.bytes(), INGEST_CHUNK);
        if (!flush(buffer)) {
            w.written().completeExceptionally(new IllegalStateException("recording " + id + " is " + state.get()));
            return;
        }
        bufferTimeline(w.entry());
        flush(timeline);
        writeManifest();
        w.written().complete(w.entry());
    }

    /** The buffer of a leg that holds a file (ingested media or a document), flushed so the file starts a segment. */
    private LegBuffer fileLeg(String legId, String contentType, String party) {
        LegEntry existing = manifest.legs().get(legId);
        manifest.addLeg(existing != null ? existing.withIngestedType(contentType)
                : new LegEntry(legId, LegDirs.dirFor(legId), party, List.of(), contentType));
        LegBuffer buffer = legs.computeIfAbsent(legId, k -> new LegBuffer(k, LegDirs.dirFor(k), manifest.nextIndex(k)));
        flush(buffer);
        return buffer;
    }

    private void bufferTimeline(TimelineEntry e) {
        byte[] json = TimelineCodec.encode(e);
        if (timeline.records.isEmpty()) {
            timelineBufferedSinceMicros = EpochMicros.of(clock.instant());
        }
        timeline.records.add(SegmentRecords.TIMELINE, EpochMicros.of(e.at()), json, 0, json.length);
    }

    private void handle(Packet p) {
        if (state.get() != RecordingState.RECORDING) {
            dropped.incrementAndGet();
            return;
        }
        if (pci.silences(p.arrivalMicros())) {
            return; // queued just before the pause was known
        }
        LegBuffer leg = legs.get(p.legId());
        if (leg == null) {
            drainControl(); // its description may still be queued: else an unknown party of unknown codecs
            if (!manifest.legs().containsKey(p.legId())) {
                manifest.addLeg(new LegEntry(p.legId(), LegDirs.dirFor(p.legId()), "unknown", List.of()));
            }
            leg = new LegBuffer(p.legId(), LegDirs.dirFor(p.legId()), manifest.nextIndex(p.legId()));
            legs.put(p.legId(), leg);
        }
        if (!leg.records.isEmpty() && p.arrivalMicros() - leg.segmentStartMicros >= segmentMicros) {
            flush(leg);
            flush(timeline);
            writeManifest();
        }
        if (leg.records.isEmpty()) {
            leg.segmentStartMicros = p.arrivalMicros();
        }
        leg.records.add(p.type(), p.arrivalMicros(), p.data(), 0, p.data().length);
    }

    /** Closes segments of legs that went quiet, and flushes the timeline once per segment length. */
    private void rollIdle() {
        long now = EpochMicros.of(clock.instant());
        boolean wrote = false;
        for (LegBuffer leg : legs.values()) {
            if (!leg.records.isEmpty() && now - leg.segmentStartMicros >= segmentMicros + segmentMicros / 2) {
                wrote |= flush(leg);
            }
        }
        if (!timeline.records.isEmpty() && now - timelineBufferedSinceMicros >= segmentMicros) {
            wrote |= flush(timeline);
        }
        if (wrote) {
            writeManifest();
        }
    }

    private void finish() {
        if (resume(clock.instant(), "system", "SYSTEM", "the recording was sealed during a PCI pause")) {
            drainControl();
        }
        bufferTimeline(TimelineEntry.event(clock.instant(), TimelineEntry.Kind.RECORDING_SEALED, "system",
                "recording sealed"));
        for (LegBuffer leg : legs.values()) {
            flush(leg);
        }
        flush(timeline);
        RecordingLifecycle.check(id, state.get(), RecordingState.SEALED);
        manifest.seal(clock.instant());
        writeManifest();
        state.set(RecordingState.SEALED);
        sealed.complete(listener.sealed(this, manifest));
    }

    /** Encrypts and writes the buffered records of {@code leg} as its next segment; false when nothing written. */
    private boolean flush(LegBuffer leg) {
        if (leg.records.isEmpty()) {
            return false;
        }
        if (state.get() != RecordingState.RECORDING) {
            dropped.addAndGet(leg.records.count());
            leg.records.reset();
            return false;
        }
        int index = leg.nextIndex;
        String file = LegDirs.segmentFile(leg.dir, index);
        try {
            byte[] sealedBytes = cipher.encrypt(dataKey, SegmentCipher.aad(id.value(), leg.legId, index),
                    leg.records.array(), 0, leg.records.size());
            Path target = dir.resolve(file);
            PrivateFiles.createDirectories(target.getParent());
            AtomicFiles.write(target, sealedBytes);
            SegmentEntry e = manifest.append(leg.legId, index, file, leg.records.firstMicros(),
                    leg.records.lastMicros(), leg.records.count(), leg.records.size(),
                    Digests.sha256Hex(sealedBytes));
            log.debug("recording {} wrote segment {}", id, e.name());
            leg.nextIndex++;
            return true;
        } catch (IOException | RuntimeException e) {
            dropped.addAndGet(leg.records.count());
            degrade("writing segment " + leg.legId + "/" + index + " failed: " + e);
            return false;
        } finally {
            leg.records.reset();
            if (leg == timeline) {
                timelineBufferedSinceMicros = Long.MAX_VALUE;
            }
        }
    }

    private void writeManifest() {
        try {
            manifest.droppedPackets(dropped.get());
            ManifestFile.write(dir, manifest, keys);
        } catch (IOException | RuntimeException e) {
            degrade("writing the manifest failed: " + e);
            return;
        }
        if (manifest.segments().size() > segmentsReported) {
            segmentsReported = manifest.segments().size();
            listener.chainAdvanced(this, manifest);
        }
    }

    private void degrade(String reason) {
        log.error("recording {} degraded: {}", id, reason);
        RecordingState from = state.get();
        if (from == RecordingState.RECORDING) {
            state.set(RecordingLifecycle.check(id, from, RecordingState.DEGRADED));
            manifest.state(RecordingState.DEGRADED);
        }
        manifest.addProblem(clock.instant() + " " + reason);
        listener.failed(this, reason);
    }
}
