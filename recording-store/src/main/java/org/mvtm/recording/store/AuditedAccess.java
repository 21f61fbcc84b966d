package org.mvtm.recording.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.access.AccessPolicy;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationFailedException;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;
import org.mvtm.recording.audit.AuditLog;
import org.mvtm.recording.export.ExportedMedia;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.search.RecordingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every read of a recording goes through here: the viewer's role and region are checked, the action actually
 * attempted is audited whatever its outcome (allowed, denied, failed), and a refusal never names the recording's
 * region to the person refused.
 */
final class AuditedAccess {
    private static final Logger log = LoggerFactory.getLogger(AuditedAccess.class);

    private final AccessPolicy policy;
    private final AuditLog audit;
    private final RecordingIndex index;
    private final StoredRecordings stored;
    private final RecordingExports exports;

    AuditedAccess(AccessPolicy policy, AuditLog audit, RecordingIndex index, StoredRecordings stored,
                  RecordingExports exports) {
        this.policy = policy;
        this.audit = audit;
        this.index = index;
        this.stored = stored;
        this.exports = exports;
    }

    List<RecordingSummary> search(Viewer viewer, RecordingQuery query) {
        Objects.requireNonNull(viewer, "viewer");
        // the search words are not kept in clear: a keyed hash of them is
        String detail = "purpose=" + viewer.purpose() + "; " + query.describe(index::keyedSearchText);
        Set<Region> regions = query.region().map(Set::of).orElse(viewer.regions());
        Optional<String> denial = policy.roleDenial(viewer, AuditAction.SEARCH)
                .or(() -> query.region().flatMap(r -> policy.regionDenial(viewer, r)));
        if (denial.isPresent()) {
            audit.append(viewer.userId(), AuditAction.SEARCH, null, regions, AuditEntry.Outcome.DENIED,
                    denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        List<RecordingSummary> out = new ArrayList<>();
        for (String id : regions.isEmpty() ? List.<String>of() : index.search(query, regions)) {
            try {
                out.add(stored.summary(stored.load(RecordingId.of(id))));
            } catch (RecordingNotFoundException e) {
                log.warn("index lists {} but it is gone", id);
            }
        }
        audit.append(viewer.userId(), AuditAction.SEARCH, null, regions, AuditEntry.Outcome.ALLOWED,
                detail + "; results=" + out.size());
        return out;
    }

    RecordingSummary describe(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.DESCRIBE, id, "", stored::summary, r -> "");
    }

    List<TimelineEntry> timeline(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.TIMELINE, id, "", stored::timeline, l -> "entries=" + l.size());
    }

    String timelineJson(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.TIMELINE, id, "format=json", stored::timelineDocument, s -> "");
    }

    List<LegInfo> legs(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.LEGS, id, "", s -> stored.summary(s).legs(), l -> "legs=" + l.size());
    }

    MediaFile media(Viewer viewer, RecordingId id, String legId) {
        return guarded(viewer, AuditAction.REPLAY, id, "leg=" + legId, s -> {
            LegEntry leg = s.manifest().legs().get(legId);
            if (leg == null) {
                throw new RecordingNotFoundException("recording " + id + " has no leg '" + legId + "' (legs: "
                        + s.manifest().legs().keySet() + ")");
            }
            VerificationResult v = stored.verify(s);
            if (!v.ok()) {
                throw new VerificationFailedException(v);
            }
            ExportedMedia m = exports.leg(s, leg);
            return new MediaFile(id, legId, m.path(), m.size(), m.contentType(), m.duration());
        }, m -> "size=" + m.size() + " type=" + m.contentType());
    }

    VerificationResult verify(Viewer viewer, RecordingId id) {
        return guarded(viewer, AuditAction.VERIFY, id, "", stored::verify,
                v -> v.ok() ? "ok, segments=" + v.segmentsChecked() : "FAILED: " + v.reason());
    }

    ExportPackage exportPackage(Viewer viewer, RecordingId id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an export needs a reason");
        }
        return guarded(viewer, AuditAction.EXPORT, id, "reason=" + reason, s -> exports.writePackage(s, reason),
                p -> "sha256=" + p.sha256() + " size=" + p.size());
    }

    List<AuditEntry> audit(Viewer viewer, AuditQuery query) {
        Optional<String> denial = policy.roleDenial(viewer, AuditAction.READ_AUDIT);
        String detail = "purpose=" + viewer.purpose() + "; " + query.describe();
        if (denial.isPresent()) {
            audit.append(viewer.userId(), AuditAction.READ_AUDIT, query.recording().orElse(null), viewer.regions(),
                    AuditEntry.Outcome.DENIED, denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        // only entries about regions the reader is granted: another region's recording ids, purposes and search
        // criteria stay out of sight
        List<AuditEntry> entries = audit.read(e -> e.visibleTo(viewer)
                        && query.recording().map(r -> e.recording().orElse("").equals(r)).orElse(true)
                        && query.userId().map(u -> e.userId().equals(u)).orElse(true)
                        && query.from().map(f -> !e.at().isBefore(f)).orElse(true)
                        && query.to().map(t -> e.at().isBefore(t)).orElse(true), query.limit());
        audit.append(viewer.userId(), AuditAction.READ_AUDIT, query.recording().orElse(null), viewer.regions(),
                AuditEntry.Outcome.ALLOWED, detail + "; entries=" + entries.size());
        return entries;
    }

    void auditRefusal(String userId, Set<Region> regions, AuditAction attempted, String recording, String detail) {
        Set<Region> about = recording == null ? regions : stored.regionOf(recording).map(Set::of).orElse(regions);
        audit.append(userId, attempted, recording, about, AuditEntry.Outcome.DENIED, detail);
    }

    /**
     * Runs {@code body} on recording {@code id} for {@code viewer} when role and region allow it; audits the action
     * with its outcome ({@code outcome} describes a result for the audit detail).
     */
    <T> T guarded(Viewer viewer, AuditAction action, RecordingId id, String extra, Function<StoredRecording, T> body,
                  Function<T, String> outcome) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(id, "recording id");
        String detail = "purpose=" + viewer.purpose() + (extra.isEmpty() ? "" : "; " + extra);
        Optional<String> denial = policy.roleDenial(viewer, action);
        if (denial.isPresent()) {
            audit.append(viewer.userId(), action, id.value(), stored.regionOf(id.value()).map(Set::of).orElse(Set.of()),
                    AuditEntry.Outcome.DENIED, denial.get() + "; " + detail);
            throw new AccessDeniedException(denial.get());
        }
        StoredRecording s;
        try {
            s = stored.load(id);
        } catch (RecordingNotFoundException e) {
            audit.append(viewer.userId(), action, id.value(), viewer.regions(), AuditEntry.Outcome.FAILED,
                    e.getMessage() + "; " + detail);
            throw e;
        }
        Set<Region> regions = StoredRecordings.regionOf(s);
        denial = policy.regionDenial(viewer, s.manifest().metadata().region());
        if (denial.isPresent()) {
            // the audit names the region; the person refused is told nothing about it
            audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.DENIED,
                    denial.get() + "; " + detail);
            throw new AccessDeniedException(policy.refusal(viewer, id.value()));
        }
        T result;
        try {
            result = body.apply(s);
        } catch (AccessDeniedException e) {
            audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.DENIED,
                    e.getMessage() + "; " + detail);
            throw e;
        } catch (RuntimeException e) {
            audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.FAILED,
                    e.getMessage() + "; " + detail);
            throw e;
        }
        String out = outcome.apply(result);
        audit.append(viewer.userId(), action, id.value(), regions, AuditEntry.Outcome.ALLOWED,
                detail + (out.isEmpty() ? "" : "; " + out));
        return result;
    }
}
