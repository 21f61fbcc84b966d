package org.mvtm.admin.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Scheduled video appointments in the system of record: advisors publish availability per queue, customers book a
 * free slot of it, advisors read their day. Bad input is refused with {@link InvalidChange} naming the field, before
 * anything is written. Thread-safe; booking is safe across nodes (the database keeps one booking per advisor and start).
 */
public interface AppointmentRecords {
    /** Publishes an advisor's availability for a queue; it must lie in the future and hold whole slots. */
    Availability publish(String advisor, String queue, Instant startsAt, Instant endsAt, int slotMinutes);

    /** Start times in {@code [from, to)} that at least one advisor of {@code queue} still has free, earliest first. */
    List<Instant> freeSlots(String queue, Instant from, Instant to);

    /**
     * Books the slot starting at {@code startsAt} for {@code customer} with one of the queue's advisors who has it
     * free. Refused (field {@code startsAt}) if it is in the past, outside every published availability, or was just
     * taken: of two customers booking the last free advisor's slot at once exactly one wins.
     */
    Appointment book(String queue, Instant startsAt, String customer, String language);

    Optional<Appointment> appointment(String id);

    /** The advisor's appointments on {@code day} in {@code zone}, earliest first. */
    List<Appointment> dayOf(String advisor, LocalDate day, ZoneId zone);

    /** The customer's appointments that have not ended at {@code now}, earliest first. */
    List<Appointment> upcomingFor(String customer, Instant now);
}
