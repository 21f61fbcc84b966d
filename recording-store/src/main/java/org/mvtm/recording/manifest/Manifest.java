package org.mvtm.recording.manifest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingState;

/**
 * The recording's manifest (the signed {@code body} of {@code manifest.json}). Mutated only by the recording's
 * writer thread (or recovery); readers parse the file.
 */
public final class Manifest {
    public static final String FORMAT = "mvtm-recording/1";
    public static final String TIMELINE_LEG = "_timeline";

    private final RecordingId id;
    private final RecordingMetadata metadata;
    private final long segmentLengthMillis;
    private final String masterKeyId;
    private RecordingState state;
    private Instant endedAt;
    private long droppedPackets;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, LegEntry> legs = new LinkedHashMap<>();
    private final List<SegmentEntry> segments = new ArrayList<>();
    private final PartOf partOf;

    public Manifest(RecordingId id, RecordingMetadata metadata, long segmentLengthMillis, String masterKeyId,
                    PartOf partOf, RecordingState state) {
        this.id = id;
        this.metadata = metadata;
        this.segmentLengthMillis = segmentLengthMillis;
        this.masterKeyId = masterKeyId;
        this.partOf = partOf;
        this.state = state;
    }

    public RecordingId id() {
        return id;
    }

    public RecordingMetadata metadata() {
        return metadata;
    }

    public long segmentLengthMillis() {
        return segmentLengthMillis;
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    public RecordingState state() {
        return state;
    }

    public void state(RecordingState s) {
        this.state = s;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    /** The recording ended at {@code at} and is sealed. */
    public void seal(Instant at) {
        this.endedAt = at;
        this.state = RecordingState.SEALED;
    }

    public long droppedPackets() {
        return droppedPackets;
    }

    public void droppedPackets(long n) {
        this.droppedPackets = n;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void addProblem(String p) {
        problems.add(p);
    }

    public Map<String, LegEntry> legs() {
        return legs;
    }

    public void addLeg(LegEntry leg) {
        legs.put(leg.legId(), leg);
    }

    public List<SegmentEntry> segments() {
        return List.copyOf(segments);
    }

    /** Which part of the recording this manifest holds, and for a later part where its chain starts from. */
    public PartOf partOf() {
        return partOf;
    }

    /** What the first segment's chain link is computed from: zeros, or the earlier part's head for a later part. */
    public String chainStart() {
        return partOf.chainStart();
    }

    public String chainHead() {
        return segments.isEmpty() ? chainStart() : segments.get(segments.size() - 1).chain();
    }

    /** Next index of {@code leg}. */
    public int nextIndex(String leg) {
        int n = 0;
        for (SegmentEntry s : segments) {
            if (s.leg().equals(leg)) {
                n = s.index() + 1;
            }
        }
        return n;
    }

    /** Appends a segment, computing its chain link. */
    public SegmentEntry append(String leg, int index, String file, long firstMicros, long lastMicros, int records,
                               long plainBytes, String sha256) {
        int seq = segments.size();
        SegmentEntry e = new SegmentEntry(seq, leg, index, file, firstMicros, lastMicros, records, plainBytes, sha256,
                HashChain.link(chainHead(), sha256, seq, index, leg));
        segments.add(e);
        return e;
    }

    /** Latest arrival time covered by a segment on disk (epoch micros), or the start time when there is none. */
    public long coveredUntilMicros() {
        long max = EpochMicros.of(metadata.startedAt());
        for (SegmentEntry s : segments) {
            if (!s.leg().equals(TIMELINE_LEG)) {
                max = Math.max(max, s.lastMicros());
            }
        }
        return max;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("recordingId", id.value());
        m.put("state", state.name());
        m.put("masterKeyId", masterKeyId);
        m.put("segmentLengthMillis", segmentLengthMillis);
        m.put("metadata", metadataJson(metadata));
        m.put("endedAt", endedAt == null ? null : endedAt.toString());
        m.put("coveredUntilMicros", coveredUntilMicros());
        m.put("droppedPackets", droppedPackets);
        m.put("problems", new ArrayList<Object>(problems));
        List<Object> l = new ArrayList<>();
        legs.values().forEach(leg -> l.add(leg.toJson()));
        m.put("legs", l);
        List<Object> s = new ArrayList<>();
        segments.forEach(seg -> s.add(seg.toJson()));
        m.put("segments", s);
        m.put("chainHead", chainHead());
        partOf.toJson().ifPresent(p -> m.put("partOf", p));
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Manifest fromJson(Map<String, Object> m) {
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("manifest format must be " + FORMAT + " but was " + m.get("format"));
        }
        Manifest man = new Manifest(RecordingId.of((String) m.get("recordingId")),
                metadataFromJson((Map<String, Object>) m.get("metadata")), (Long) m.get("segmentLengthMillis"),
                (String) m.get("masterKeyId"), PartOf.fromJson((Map<String, Object>) m.get("partOf")),
                RecordingState.valueOf((String) m.get("state")));
        Object ended = m.get("endedAt");
        man.endedAt = ended == null ? null : Instant.parse((String) ended);
        man.droppedPackets = (Long) m.get("droppedPackets");
        for (Object p : (List<Object>) m.get("problems")) {
            man.problems.add((String) p);
        }
        for (Object o : (List<Object>) m.get("legs")) {
            man.addLeg(LegEntry.fromJson((Map<String, Object>) o));
        }
        for (Object o : (List<Object>) m.get("segments")) {
            man.segments.add(SegmentEntry.fromJson((Map<String, Object>) o));
        }
        return man;
    }

    public static Map<String, Object> metadataJson(RecordingMetadata md) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interaction", md.interaction().value());
        m.put("conversation", md.conversation().value());
        m.put("channel", md.channel().name());
        m.put("customer", md.customer().value());
        m.put("customerName", md.customerName());
        m.put("advisor", md.advisor().value());
        m.put("advisorName", md.advisorName());
        m.put("queue", md.queue().value());
        m.put("region", md.region().code());
        m.put("language", md.language().tag());
        m.put("startedAt", md.startedAt().toString());
        return m;
    }

    static RecordingMetadata metadataFromJson(Map<String, Object> m) {
        return new RecordingMetadata(InteractionId.of((String) m.get("interaction")),
                ConversationId.of((String) m.get("conversation")), Channel.valueOf((String) m.get("channel")),
                CustomerId.of((String) m.get("customer")), (String) m.get("customerName"),
                AgentId.of((String) m.get("advisor")), (String) m.get("advisorName"),
                QueueId.of((String) m.get("queue")), Region.of((String) m.get("region")),
                Language.fromTag((String) m.get("language")), Instant.parse((String) m.get("startedAt")));
    }
}
