package org.mvtm.admin.api;

import java.time.Duration;
import java.time.Instant;

/**
 * An advisor's published time for booked video meetings of one queue: {@code [startsAt, endsAt)} cut into slots of
 * {@code slotMinutes}.
 */
public record Availability(String id, String advisor, String queue, Instant startsAt, Instant endsAt, int slotMinutes) {
    public Duration slot() {
        return Duration.ofMinutes(slotMinutes);
    }

    /** True if {@code start} begins one whole slot inside this availability. */
    public boolean offers(Instant start) {
        if (start.isBefore(startsAt) || start.plus(slot()).isAfter(endsAt)) {
            return false;
        }
        return Duration.between(startsAt, start).toMillis() % slot().toMillis() == 0;
    }
}
