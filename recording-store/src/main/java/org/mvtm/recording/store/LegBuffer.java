package org.mvtm.recording.store;

/** The segment being filled for one leg of a recording in progress, owned by its writer thread. */
final class LegBuffer {
    final String legId;
    final String dir;
    final SegmentRecords.Builder records = new SegmentRecords.Builder();
    int nextIndex;
    long segmentStartMicros;

    LegBuffer(String legId, String dir, int nextIndex) {
        this.legId = legId;
        this.dir = dir;
        this.nextIndex = nextIndex;
    }
}
