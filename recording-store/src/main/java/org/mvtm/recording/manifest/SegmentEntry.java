package org.mvtm.recording.manifest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One segment in the manifest.
 *
 * @param seq         position in the recording's single hash chain (0, 1, 2 ... across all legs)
 * @param leg         leg id ({@link Manifest#TIMELINE_LEG} for the timeline stream)
 * @param index       position within the leg (0, 1, 2 ...)
 * @param file        path relative to the recording directory
 * @param firstMicros arrival time of the first record (epoch microseconds)
 * @param lastMicros  arrival time of the last record
 * @param sha256      hex SHA-256 of the whole segment file (ciphertext)
 * @param chain       hex {@code SHA-256(previous chain | sha256 | seq | index | leg)}
 */
public record SegmentEntry(int seq, String leg, int index, String file, long firstMicros, long lastMicros,
                           int records, long plainBytes, String sha256, String chain) {

    public String name() {
        return leg + "/" + index;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", (long) seq);
        m.put("leg", leg);
        m.put("index", (long) index);
        m.put("file", file);
        m.put("firstMicros", firstMicros);
        m.put("lastMicros", lastMicros);
        m.put("records", (long) records);
        m.put("plainBytes", plainBytes);
        m.put("sha256", sha256);
        m.put("chain", chain);
        return m;
    }

    static SegmentEntry fromJson(Map<String, Object> m) {
        return new SegmentEntry(((Long) m.get("seq")).intValue(), (String) m.get("leg"),
                ((Long) m.get("index")).intValue(), (String) m.get("file"), (Long) m.get("firstMicros"),
                (Long) m.get("lastMicros"), ((Long) m.get("records")).intValue(), (Long) m.get("plainBytes"),
                (String) m.get("sha256"), (String) m.get("chain"));
    }
}
