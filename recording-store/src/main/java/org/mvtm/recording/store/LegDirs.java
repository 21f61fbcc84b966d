package org.mvtm.recording.store;

import java.nio.charset.StandardCharsets;
import org.mvtm.recording.crypto.Hex;
import org.mvtm.recording.manifest.Manifest;

/** Where a leg's segments live inside a recording directory. */
public final class LegDirs {
    private LegDirs() {
    }

    /** {@code legs/<legId>} for safe ids, {@code legs/x-<hex>} otherwise; {@code timeline} for the timeline. */
    public static String dirFor(String legId) {
        if (legId.equals(Manifest.TIMELINE_LEG)) {
            return "timeline";
        }
        if (legId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return "legs/" + legId;
        }
        return "legs/x-" + Hex.of(legId.getBytes(StandardCharsets.UTF_8));
    }

    public static String segmentFile(String dir, int index) {
        return dir + "/" + String.format("%06d.seg", index);
    }
}
