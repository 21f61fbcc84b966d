package org.mvtm.recording.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordedDocument;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;

/**
 * A later part of a recording as the media session sees it: every media leg is kept as {@code <leg>-part<k>}, so a
 * leg named the same in an earlier part (a SIP leg is named after its party) stays apart from it in the whole
 * recording, and each replays from the node that holds it. Documents keep their own (unique) leg. The names are made
 * once per leg; a packet only looks its leg's name up.
 */
final class PartLegs implements ActiveRecording {
    private final RecordingWriter writer;
    private final String suffix;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    PartLegs(RecordingWriter writer, int part) {
        this.writer = writer;
        this.suffix = "-part" + part;
    }

    private String name(String legId) {
        String n = names.get(legId);
        return n != null ? n : names.computeIfAbsent(legId, l -> l + suffix);
    }

    @Override
    public void legAdded(LegDescription leg) {
        writer.legAdded(new LegDescription(name(leg.legId()), leg.party(), leg.payloadTypes(), leg.kind()));
    }

    @Override
    public void packet(String legId, MediaKind kind, long arrivalEpochMicros, byte[] buffer, int offset, int length) {
        writer.packet(name(legId), kind, arrivalEpochMicros, buffer, offset, length);
    }

    @Override
    public void fileRecorded(String legId, Path file, String contentType) {
        writer.fileRecorded(name(legId), file, contentType);
    }

    @Override
    public void ingestFile(String legId, Path file, String contentType) {
        writer.ingestFile(name(legId), file, contentType);
    }

    @Override
    public void closed() {
        writer.closed();
    }

    @Override
    public RecordingId id() {
        return writer.id();
    }

    @Override
    public RecordingMetadata metadata() {
        return writer.metadata();
    }

    @Override
    public void appendTimeline(TimelineEntry entry) {
        writer.appendTimeline(entry);
    }

    @Override
    public TimelineEntry addDocument(RecordedDocument document) {
        return writer.addDocument(document);
    }

    @Override
    public boolean pause(Instant at, String by, String party, String reason) {
        return writer.pause(at, by, party, reason);
    }

    @Override
    public boolean resume(Instant at, String by, String party, String reason) {
        return writer.resume(at, by, party, reason);
    }

    @Override
    public boolean paused() {
        return writer.paused();
    }

    @Override
    public RecordingState state() {
        return writer.state();
    }

    @Override
    public RecordingSummary seal() {
        return writer.seal();
    }
}
