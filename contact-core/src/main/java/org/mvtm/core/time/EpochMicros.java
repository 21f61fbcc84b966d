package org.mvtm.core.time;

import java.time.Instant;

/**
 * Microseconds since the epoch, the time a recorded packet carries from the media bridge ({@code MediaPacketSink})
 * into the recording's segments and manifest, and back to an instant when it is shown.
 */
public final class EpochMicros {
    private EpochMicros() {}

    public static long of(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
