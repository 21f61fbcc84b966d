package org.mvtm.recording.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.RecordingSealed;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.audit.AuditLog;
import org.mvtm.recording.search.RecordingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up: seals as INTERRUPTED what a dead process left recording ({@link Recovery} does the files), logs and
 * audits it, and re-indexes what the search index lacks (a fresh index, or a recovered recording).
 */
record StartupRecovery(RecordingKeys keys, Clock clock, EventBus events, AuditLog audit, RecordingIndex index,
                       StoredRecordings stored, StoreProblems problems) {
    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);
    private static final String SYSTEM_RECOVERY = "system:recovery";

    void recoverAndIndex() {
        boolean reindex = index.createdFresh();
        for (StoredRecording s : stored.all()) {
            StoredRecording current = s;
            if (RecordingLifecycle.isOpen(s.manifest().state())) {
                try {
                    current = new StoredRecording(s.dir(), Recovery.recover(s.dir(), s.manifest(), keys, clock));
                    Instant coveredUntil = EpochMicros.instant(current.manifest().coveredUntilMicros());
                    log.warn("recording {} (interaction {}) was still recording when the process ended: sealed as "
                                    + "INTERRUPTED, covered until {}, {} segments", s.id(),
                            s.manifest().metadata().interaction(), coveredUntil, current.manifest().segments().size());
                    audit.append(SYSTEM_RECOVERY, AuditAction.RECOVERED, s.id().value(), StoredRecordings.regionOf(s),
                            AuditEntry.Outcome.ALLOWED,
                            "process ended while recording; sealed as INTERRUPTED, covered until " + coveredUntil);
                    events.publish(new RecordingSealed(clock.instant(), s.id(),
                            s.manifest().metadata().interaction(), true));
                    reindex = true;
                } catch (IOException | RuntimeException e) {
                    problems.add("recovery of " + s.id() + " failed: " + e);
                    log.error("recovery of {} failed", s.id(), e);
                    continue;
                }
            }
            if (reindex || RecordingLifecycle.isOpen(s.manifest().state())) {
                stored.index(current, "");
            }
            reindex = index.createdFresh();
        }
    }
}
