package org.mvtm.recording.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mvtm.core.time.EpochMicros;
import org.mvtm.recording.api.TimelineEntry;

/**
 * The PCI pauses of one recording: while card details are spoken or typed nothing that could carry them is kept.
 * A media packet that arrived at or after the start of a pause and before its end is not stored; a chat line written
 * in that time is stored redacted (its time, speaker and length only). Times are epoch microseconds, as the packets'
 * arrival times.
 */
final class PciPause {
    static final String REDACTED = "[redacted: written during a PCI pause]";
    private static final long NOT_PAUSED = Long.MAX_VALUE;

    private record Window(long fromMicros, long toMicros) {
    }

    private final List<Window> windows = new CopyOnWriteArrayList<>();
    private volatile long pausedSince = NOT_PAUSED;

    /** Starts a pause at {@code atMicros}; false when one is already running. */
    synchronized boolean pause(long atMicros) {
        if (pausedSince != NOT_PAUSED) {
            return false;
        }
        pausedSince = atMicros;
        return true;
    }

    /** Ends the running pause at {@code atMicros}; false when none is running. */
    synchronized boolean resume(long atMicros) {
        if (pausedSince == NOT_PAUSED) {
            return false;
        }
        windows.add(new Window(pausedSince, Math.max(pausedSince, atMicros)));
        pausedSince = NOT_PAUSED;
        return true;
    }

    boolean paused() {
        return pausedSince != NOT_PAUSED;
    }

    /** True when something that happened at {@code micros} falls in a pause (running or ended). */
    boolean silences(long micros) {
        if (micros >= pausedSince) {
            return true;
        }
        for (Window w : windows) {
            if (micros >= w.fromMicros() && micros < w.toMicros()) {
                return true;
            }
        }
        return false;
    }

    /** The entry as it may be stored: a customer's or advisor's line written during a pause loses its words. */
    TimelineEntry redact(TimelineEntry e) {
        boolean words = e.kind() == TimelineEntry.Kind.CUSTOMER_MESSAGE || e.kind() == TimelineEntry.Kind.ADVISOR_MESSAGE;
        if (!words || !silences(EpochMicros.of(e.at()))) {
            return e;
        }
        return new TimelineEntry(e.at(), e.kind(), e.actor(), REDACTED,
                Map.of("redacted", "pci-pause", "characters", Integer.toString(e.text().length())));
    }

    /** The timeline mark of a pause's start or end, with who ({@code by}, {@code party}) and why. */
    static TimelineEntry mark(Instant at, TimelineEntry.Kind kind, String by, String party, String reason) {
        String what = kind == TimelineEntry.Kind.RECORDING_PAUSED ? "recording paused by " : "recording resumed by ";
        return new TimelineEntry(at, kind, by, what + by + " (" + party + "): " + reason,
                Map.of("by", by, "party", party, "reason", reason));
    }
}
