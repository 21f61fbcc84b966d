package org.mvtm.core.media;

import java.nio.file.Path;

/**
 * The recording tap: the media bridge hands every decrypted RTP packet a leg <em>receives</em> to this sink with
 * its arrival time. Implemented by the recording store; called on media I/O threads, so implementations copy
 * the bytes they need and return at once, never blocking.
 */
public interface MediaPacketSink {
    /** A leg joined the recorded call (called before its first packet). */
    void legAdded(LegDescription leg);

    /**
     * One plain RTP packet (RTCP is not passed) as received from {@code legId}'s peer.
     *
     * @param arrivalEpochMicros wall-clock arrival time in microseconds since the epoch
     *                           ({@link org.mvtm.core.time.EpochMicros})
     * @param buffer             the relay's buffer: valid only during this call
     */
    void packet(String legId, MediaKind kind, long arrivalEpochMicros, byte[] buffer, int offset, int length);

    /**
     * A media server that records by itself (Kurento's RecorderEndpoint) wrote {@code legId}'s media to
     * {@code file}, now complete: called at the end of the recording, before {@link #closed()}. The sink takes the
     * file over (the recording store encrypts it into the recording and then deletes it). Must not block.
     *
     * @param contentType e.g. {@code video/webm}
     */
    default void fileRecorded(String legId, Path file, String contentType) {}

    /** No more packets will come; the sink may seal what it wrote. */
    void closed();
}
