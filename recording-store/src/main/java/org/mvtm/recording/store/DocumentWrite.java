package org.mvtm.recording.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mvtm.recording.api.RecordedDocument;
import org.mvtm.recording.api.TimelineEntry;

/**
 * A document for the writer thread to store with its timeline entry (hashed on the caller's thread); the caller waits
 * until both are on disk and chained.
 */
record DocumentWrite(RecordedDocument document, TimelineEntry entry, CompletableFuture<TimelineEntry> written) {

    TimelineEntry await() {
        try {
            return written.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing document " + document.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("document " + document.name() + " was not stored: "
                    + cause.getMessage(), cause);
        }
    }
}
