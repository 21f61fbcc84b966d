package org.mvtm.admin.api;

import java.time.Instant;

/** A customer's booked video meeting with one advisor for a queue, from {@code startsAt} to {@code endsAt}. */
public record Appointment(
        String id,
        String queue,
        String advisor,
        String customer,
        String language,
        Instant startsAt,
        Instant endsAt,
        Instant bookedAt) {}
