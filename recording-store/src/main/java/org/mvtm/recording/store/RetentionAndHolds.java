package org.mvtm.recording.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.mvtm.core.Region;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.access.AccessPolicy;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.DeletionNotRequestedException;
import org.mvtm.recording.api.DeletionRequest;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.RetentionPolicy;
import org.mvtm.recording.api.RetentionReport;
import org.mvtm.recording.api.Viewer;
import org.mvtm.recording.audit.AuditLog;

/**
 * How long recordings are kept and who may end that early: retention rules per queue and region, the retention purge
 * (which skips recordings on legal hold), legal hold itself, and deletion with four eyes (one officer requests, a
 * second approves). Every change is audited.
 */
record RetentionAndHolds(Clock clock, AccessPolicy policy, AuditLog audit, RetentionRules rules,
                         StoredRecordings stored, AuditedAccess access, RecordingExports exports,
                         Predicate<RecordingId> stillRecording) {
    private static final String SYSTEM_RETENTION = "system:retention";

    void legalHold(Viewer viewer, RecordingId id, boolean hold, String reason) {
        access.guarded(viewer, hold ? AuditAction.LEGAL_HOLD : AuditAction.RELEASE_HOLD, id, "reason=" + need(reason),
                s -> {
                    LegalHolds.write(s.dir(), hold, reason, viewer.userId(), clock.instant());
                    return hold;
                }, h -> "");
    }

    DeletionRequest requestDeletion(Viewer viewer, RecordingId id, String reason) {
        return access.guarded(viewer, AuditAction.DELETE_REQUEST, id, "reason=" + need(reason), s -> {
            if (LegalHolds.onHold(s.dir())) {
                throw new LegalHoldException("recording " + id + " is on legal hold and cannot be deleted");
            }
            DeletionRequest request = new DeletionRequest(id, viewer.userId(), reason.strip(), clock.instant());
            DeletionRequests.write(s.dir(), request);
            return request;
        }, r -> "awaiting approval by a second officer");
    }

    void withdrawDeletion(Viewer viewer, RecordingId id, String reason) {
        access.guarded(viewer, AuditAction.DELETE_WITHDRAW, id, "reason=" + need(reason), s -> {
            DeletionRequest request = pendingDeletion(s);
            DeletionRequests.remove(s.dir());
            return request;
        }, r -> "request of " + r.requestedBy() + " withdrawn");
    }

    void approveDeletion(Viewer viewer, RecordingId id, String reason) {
        access.guarded(viewer, AuditAction.DELETE, id, "reason=" + need(reason), s -> {
            DeletionRequest request = pendingDeletion(s);
            if (request.requestedBy().equals(viewer.userId())) {
                throw new AccessDeniedException("four eyes: " + viewer.userId() + " requested the deletion of " + id
                        + " and cannot approve it; a second officer must");
            }
            if (stillRecording.test(id)) {
                throw new RecordingStoreException("recording " + id + " is still recording; seal it first");
            }
            if (LegalHolds.onHold(s.dir())) {
                throw new LegalHoldException("recording " + id + " is on legal hold and cannot be deleted");
            }
            stored.destroy(s);
            return request;
        }, r -> "requested by " + r.requestedBy() + " (" + r.reason() + "); data key destroyed");
    }

    private static DeletionRequest pendingDeletion(StoredRecording s) {
        return DeletionRequests.read(s.dir(), s.id()).orElseThrow(() -> new DeletionNotRequestedException(
                "no deletion of recording " + s.id() + " was requested"));
    }

    RetentionPolicy retention() {
        return rules.current();
    }

    RetentionPolicy setQueueRetention(Viewer viewer, QueueId queue, Optional<Duration> period, String reason) {
        return setRule(viewer, viewer.regions(), "queue=" + queue, period, reason, () -> rules.setQueue(queue, period));
    }

    RetentionPolicy setRegionRetention(Viewer viewer, Region region, Optional<Duration> period, String reason) {
        return setRule(viewer, Set.of(region), "region=" + region, period, reason, () -> {
            policy.regionDenial(viewer, region).ifPresent(d -> {
                throw new AccessDeniedException(d);
            });
            return rules.setRegion(region, period);
        });
    }

    private RetentionPolicy setRule(Viewer viewer, Set<Region> regions, String what, Optional<Duration> period,
                                    String reason, Supplier<RetentionPolicy> change) {
        Objects.requireNonNull(viewer, "viewer");
        period.flatMap(RetentionRules::invalid).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String detail = "purpose=" + viewer.purpose() + "; " + what + ", period="
                + period.map(p -> p.toDays() + " days").orElse("configured default") + "; reason=" + need(reason);
        Optional<String> denial = policy.roleDenial(viewer, AuditAction.RETENTION_RULE);
        if (denial.isPresent()) {
            audit.append(viewer.userId(), AuditAction.RETENTION_RULE, null, regions, AuditEntry.Outcome.DENIED,
                    denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        try {
            RetentionPolicy now = change.get();
            audit.append(viewer.userId(), AuditAction.RETENTION_RULE, null, regions, AuditEntry.Outcome.ALLOWED,
                    detail);
            return now;
        } catch (AccessDeniedException e) {
            audit.append(viewer.userId(), AuditAction.RETENTION_RULE, null, regions, AuditEntry.Outcome.DENIED,
                    e.getMessage() + "; " + detail);
            throw e;
        }
    }

    private static String need(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason must be given");
        }
        return reason.strip();
    }

    /** Destroys every sealed recording whose retention ended before {@code now}, except those on legal hold. */
    RetentionReport applyRetention(Instant now) {
        List<RecordingId> deleted = new ArrayList<>();
        List<RecordingId> held = new ArrayList<>();
        for (StoredRecording s : stored.all()) {
            if (stillRecording.test(s.id()) || RecordingLifecycle.isOpen(s.manifest().state())) {
                continue;
            }
            Optional<Instant> until = stored.retainUntil(s.manifest());
            if (until.isEmpty() || !until.get().isBefore(now)) {
                continue;
            }
            if (LegalHolds.onHold(s.dir())) {
                held.add(s.id());
                continue;
            }
            try {
                stored.destroy(s);
                audit.append(SYSTEM_RETENTION, AuditAction.RETENTION_DELETE, s.id().value(),
                        StoredRecordings.regionOf(s), AuditEntry.Outcome.ALLOWED,
                        "retention ended " + until.get() + "; data key destroyed");
                deleted.add(s.id());
            } catch (RuntimeException e) {
                audit.append(SYSTEM_RETENTION, AuditAction.RETENTION_DELETE, s.id().value(),
                        StoredRecordings.regionOf(s), AuditEntry.Outcome.FAILED, e.toString());
            }
        }
        exports.evictCache(now);
        return new RetentionReport(deleted, held);
    }
}
