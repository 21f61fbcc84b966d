package org.mvtm.admin.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dispositions kept with their interaction in the system of record, so they survive a restart and compliance can
 * read them. Thread-safe.
 */
public interface DispositionRecords {
    /**
     * Records a disposition; the first one recorded for an interaction is kept (the same event relayed to several
     * nodes of a cluster is written once). True if this call wrote it.
     */
    boolean record(Disposition disposition);

    Optional<Disposition> of(String interactionId);

    /** Dispositions recorded from {@code from} (inclusive) to {@code to} (exclusive), oldest first, at most {@code limit}. */
    List<Disposition> between(Instant from, Instant to, int limit);
}
