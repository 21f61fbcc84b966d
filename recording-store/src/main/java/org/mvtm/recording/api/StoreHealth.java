package org.mvtm.recording.api;

import java.util.List;

/** For the server's health endpoint: {@code healthy} false after a disk failure. */
public record StoreHealth(boolean healthy, int activeRecordings, long droppedPackets, List<String> problems) {
    public StoreHealth {
        problems = List.copyOf(problems);
    }
}
