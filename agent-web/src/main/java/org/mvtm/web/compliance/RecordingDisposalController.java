package org.mvtm.web.compliance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mvtm.core.Region;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.DeletionRequest;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RetentionPolicy;
import org.mvtm.recording.api.Viewer;
import org.mvtm.web.security.BadField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How long a recording is kept and how it ends, under {@code /api/compliance}: legal hold, four-eyes deletion (one
 * officer requests, a second one approves, which destroys the recording's data key) and the retention rules per queue
 * or region. Each call states its purpose ({@code X-Purpose}, read by {@link StatedPurposeViewer}) and a reason; the
 * store checks role and region and audits every attempt.
 */
@RestController
@RequestMapping("/api/compliance")
class RecordingDisposalController {
    private final RecordingStore store;

    RecordingDisposalController(RecordingStore store) {
        this.store = store;
    }

    public record HoldRequest(Boolean hold, String reason) {
    }

    public record ReasonRequest(String reason) {
    }

    public record RetentionRequest(Long days, String reason) {
    }

    @PutMapping("/recordings/{id}/legal-hold")
    ResponseEntity<Void> legalHold(Viewer viewer, @PathVariable String id, @RequestBody HoldRequest request) {
        if (request == null || request.hold() == null) {
            throw new BadField("hold", "say whether the recording is to be held (true) or released (false)");
        }
        store.legalHold(viewer, RecordingId.of(id), request.hold(), reason(request.reason()));
        return ResponseEntity.noContent().build();
    }

    /** First officer: asks for the deletion; nothing is deleted until a second officer approves. */
    @PostMapping("/recordings/{id}/deletion")
    DeletionRequest requestDeletion(Viewer viewer, @PathVariable String id, @RequestBody ReasonRequest request) {
        return store.requestDeletion(viewer, RecordingId.of(id), reason(request == null ? null : request.reason()));
    }

    /** Second officer (not the requester): approves, and the recording's data key is destroyed. */
    @PostMapping("/recordings/{id}/deletion/approve")
    ResponseEntity<Void> approveDeletion(Viewer viewer, @PathVariable String id, @RequestBody ReasonRequest request) {
        store.approveDeletion(viewer, RecordingId.of(id), reason(request == null ? null : request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/recordings/{id}/deletion/withdraw")
    ResponseEntity<Void> withdrawDeletion(Viewer viewer, @PathVariable String id, @RequestBody ReasonRequest request) {
        store.withdrawDeletion(viewer, RecordingId.of(id), reason(request == null ? null : request.reason()));
        return ResponseEntity.noContent().build();
    }

    /** The retention periods in force, in days: the default, per queue and per region. */
    @GetMapping("/retention")
    Map<String, Object> retention() {
        return days(store.retention());
    }

    /** Sets ({@code days}) or removes ({@code days} null: back to the configured period) a queue's retention. */
    @PutMapping("/retention/queues/{queue}")
    Map<String, Object> queueRetention(Viewer viewer, @PathVariable String queue, @RequestBody RetentionRequest request) {
        return days(store.setQueueRetention(viewer, QueueId.of(queue), period(request), reason(request.reason())));
    }

    @PutMapping("/retention/regions/{region}")
    Map<String, Object> regionRetention(Viewer viewer, @PathVariable String region, @RequestBody RetentionRequest request) {
        return days(store.setRegionRetention(viewer, Region.of(region), period(request), reason(request.reason())));
    }

    private static Optional<Duration> period(RetentionRequest request) {
        if (request == null) {
            throw new BadField("days", "give the retention in days, or null to return to the configured period");
        }
        if (request.days() != null && (request.days() < 1 || request.days() > 100 * 366)) {
            throw new BadField("days", "retention must be between 1 day and 100 years but was " + request.days()
                    + " days");
        }
        return Optional.ofNullable(request.days()).map(Duration::ofDays);
    }

    private static String reason(String reason) {
        return RequiredText.required("reason", reason, 5, "the reason");
    }

    private static Map<String, Object> days(RetentionPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("defaultDays", p.defaultPeriod().toDays());
        Map<String, Long> queues = new TreeMap<>();
        p.perQueue().forEach((q, d) -> queues.put(q.value(), d.toDays()));
        Map<String, Long> regions = new TreeMap<>();
        p.perRegion().forEach((r, d) -> regions.put(r.code(), d.toDays()));
        m.put("queues", queues);
        m.put("regions", regions);
        return m;
    }
}
