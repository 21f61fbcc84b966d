package org.mvtm.server.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;

/**
 * One recording as the compliance officer sees it when its parts lie on several nodes (a call continued on a survivor
 * after its media node died): one summary, one timeline, the legs of every part. Each part keeps its own node's data
 * key, so the summary names the master key of each part ({@code part 1: m1, part 2: m1}: two nodes' key files).
 */
final class RecordingPartsView {
    private RecordingPartsView() {
    }

    /** Search results with one entry per recording id: the parts of a continued recording are merged. */
    static List<RecordingSummary> oneEntryPerRecording(List<RecordingSummary> found) {
        Map<String, List<RecordingSummary>> byId = new LinkedHashMap<>();
        found.forEach(s -> byId.computeIfAbsent(s.id().value(), k -> new ArrayList<>()).add(s));
        return byId.values().stream().map(RecordingPartsView::summary).toList();
    }

    /**
     * The recording as a whole: who and what from its first part, its state and end from its last, the legs of all,
     * on legal hold only when every part found is, a deletion pending when one is asked for any part.
     */
    static RecordingSummary summary(List<RecordingSummary> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<RecordingSummary> inOrder = parts.stream()
                .sorted(Comparator.comparing((RecordingSummary s) -> s.metadata().startedAt())).toList();
        RecordingSummary first = inOrder.get(0);
        RecordingSummary last = inOrder.get(inOrder.size() - 1);
        Instant covered = inOrder.stream().map(RecordingSummary::coveredUntil).max(Comparator.naturalOrder()).orElseThrow();
        Duration duration = Duration.between(first.metadata().startedAt(), last.endedAt().orElse(covered));
        List<LegInfo> legs = new ArrayList<>();
        inOrder.forEach(s -> legs.addAll(s.legs()));
        Optional<Instant> retain = inOrder.stream().map(RecordingSummary::retainUntil).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        List<String> byPart = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            byPart.add("part " + (i + 1) + ": " + inOrder.get(i).masterKeyId());
        }
        String keys = String.join(", ", byPart); // each node's own key file: the same id may name another key
        return new RecordingSummary(first.id(), first.metadata(), last.state(), last.endedAt(), covered,
                duration.isNegative() ? Duration.ZERO : duration, legs,
                inOrder.stream().allMatch(RecordingSummary::legalHold), retain, keys, last.lastVerification(),
                inOrder.stream().map(RecordingSummary::deletionRequest).flatMap(Optional::stream).findFirst());
    }

    /** Every part's timeline in time order: the gap entry of the later part sits between the two. */
    static List<TimelineEntry> timeline(List<List<TimelineEntry>> parts) {
        List<TimelineEntry> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort(Comparator.comparing(TimelineEntry::at));
        return all;
    }

    static List<LegInfo> legs(List<List<LegInfo>> parts) {
        Map<String, LegInfo> byId = new LinkedHashMap<>();
        parts.forEach(l -> l.forEach(leg -> byId.putIfAbsent(leg.legId(), leg)));
        return List.copyOf(byId.values());
    }
}
