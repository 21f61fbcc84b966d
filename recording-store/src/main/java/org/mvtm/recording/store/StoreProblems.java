package org.mvtm.recording.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.recording.api.StoreHealth;

/** What went wrong in the store (shown by {@code /actuator/health}) and the packets the writers had to drop. */
final class StoreProblems {
    private static final int SHOWN = 100;

    private final Clock clock;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedOfClosed = new AtomicLong();

    StoreProblems(Clock clock) {
        this.clock = clock;
    }

    /** Records a problem, stamped with the store's clock. */
    void add(String problem) {
        problems.add(clock.instant() + " " + problem);
    }

    /** Keeps the dropped-packet count of a writer that is no longer active. */
    void writerClosed(RecordingWriter writer) {
        droppedOfClosed.addAndGet(writer.droppedPackets());
    }

    StoreHealth health(Collection<RecordingWriter> active) {
        long dropped = droppedOfClosed.get();
        for (RecordingWriter w : active) {
            dropped += w.droppedPackets();
        }
        List<String> recent = List.copyOf(problems);
        if (recent.size() > SHOWN) {
            recent = recent.subList(recent.size() - SHOWN, recent.size());
        }
        return new StoreHealth(problems.isEmpty(), active.size(), dropped, recent);
    }
}
