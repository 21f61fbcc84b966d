package org.mvtm.recording.api;

import java.nio.file.Path;
import java.time.Instant;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.media.MediaPacketSink;

/**
 * A recording in progress. As a {@link MediaPacketSink} it is handed to the media bridge: {@code packet(...)} copies
 * the bytes into a bounded per-recording queue and returns at once (never blocks; when the queue is full the packet
 * is dropped and counted in {@link StoreHealth}). A writer virtual thread drains the queue into encrypted segments.
 *
 * <p>{@link #closed()} (from the media bridge) and {@link #seal()} both seal the recording; the second call is a
 * no-op. Thread-safe.
 */
public interface ActiveRecording extends MediaPacketSink {
    RecordingId id();

    RecordingMetadata metadata();

    /**
     * Appends a chat turn, bot turn or call event to the session timeline; never blocks.
     *
     * @throws IllegalStateException once the recording is sealing or sealed ({@link RecordingStore#annotate} keeps an
     *     entry with a sealed recording)
     */
    void appendTimeline(TimelineEntry entry);

    /**
     * Stores a media file recorded elsewhere for {@code legId} (e.g. the WEBM file Kurento's RecorderEndpoint wrote,
     * since Kurento sessions pass no packets to the sink), encrypted and hash-chained like RTP segments. Returns at
     * once; the file is read by the writer thread and must stay in place until {@link #seal()} returns. WebM files
     * are remuxed on export (Duration and Cues added); other types are exported as they are.
     *
     * @param contentType e.g. {@code video/webm}, {@code audio/webm}, {@code audio/wav}
     * @throws IllegalArgumentException when the file is not a readable regular file
     */
    void ingestFile(String legId, Path file, String contentType);

    /**
     * Stores a document passed in the call (a PDF or image, or a signed form) in the recording: its bytes become the
     * document leg {@link RecordedDocument#legId()} (encrypted segments hashed into the recording's chain, so
     * verification covers it and a changed byte fails naming the leg), and a {@link TimelineEntry.Kind#DOCUMENT} or
     * {@link TimelineEntry.Kind#SIGNED_DOCUMENT} entry says who sent what, when, and its SHA-256. Blocks until the
     * document is on disk and in the chain (call it from a request or virtual thread).
     *
     * @return the timeline entry written (attributes {@code documentId, legId, name, contentType, size, sha256})
     * @throws IllegalStateException when the recording is sealed, sealing or cannot write
     */
    TimelineEntry addDocument(RecordedDocument document);

    /**
     * PCI pause: from {@code at} on no media packet is kept and the customer's and advisor's chat lines are kept
     * redacted (time, speaker and length only), until {@link #resume}. The timeline marks the start with who paused
     * ({@code by}, {@code party}: ADVISOR, CUSTOMER or SYSTEM) and why; the store audits it. Never blocks.
     *
     * @return false when the recording is already paused (or sealing)
     */
    boolean pause(Instant at, String by, String party, String reason);

    /**
     * Ends the PCI pause at {@code at}, marked on the timeline with who resumed and why, audited. A recording sealed
     * while paused is resumed by the seal itself: it cannot stay paused past the end of the call.
     *
     * @return false when the recording was not paused
     */
    boolean resume(Instant at, String by, String party, String reason);

    /** True while a PCI pause runs. */
    boolean paused();

    /** Current lifecycle state. */
    RecordingState state();

    /**
     * Flushes and seals the recording (waits for the writer to finish), signs the manifest and publishes
     * {@link org.mvtm.core.event.RecordingSealed}. Idempotent.
     */
    RecordingSummary seal();
}
