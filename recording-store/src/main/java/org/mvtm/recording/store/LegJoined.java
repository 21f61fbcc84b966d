package org.mvtm.recording.store;

import java.time.Instant;
import java.util.Map;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.LegKind;
import org.mvtm.recording.api.TimelineEntry;

/** The timeline's {@code LEG_ADDED} line of a leg that joined the call: whose, which, and a shared screen named so. */
final class LegJoined {
    private LegJoined() {
    }

    static TimelineEntry entry(Instant at, LegDescription leg) {
        boolean screen = leg.kind() == LegKind.SCREEN;
        return new TimelineEntry(at, TimelineEntry.Kind.LEG_ADDED, leg.party(),
                leg.party() + (screen ? " screen" : "") + " leg " + leg.legId() + " joined",
                screen ? Map.of("legId", leg.legId(), "legKind", leg.kind().name()) : Map.of("legId", leg.legId()));
    }
}
