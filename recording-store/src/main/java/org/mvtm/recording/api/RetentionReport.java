package org.mvtm.recording.api;

import java.util.List;
import org.mvtm.core.id.RecordingId;

/** What a retention run did: deleted (expired), kept because of legal hold. */
public record RetentionReport(List<RecordingId> deleted, List<RecordingId> keptOnLegalHold) {
    public RetentionReport {
        deleted = List.copyOf(deleted);
        keptOnLegalHold = List.copyOf(keptOnLegalHold);
    }
}
