package org.mvtm.admin.internal.appointments;

import static org.mvtm.admin.internal.Timestamps.at;
import static org.mvtm.admin.internal.Timestamps.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.mvtm.admin.api.Appointment;
import org.mvtm.admin.api.AppointmentRecords;
import org.mvtm.admin.api.Availability;
import org.mvtm.admin.api.FieldError;
import org.mvtm.admin.api.InvalidChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link AppointmentRecords} in tables {@code appointment_availability} and {@code appointments}. Booking tries each
 * advisor who offers the slot with a plain INSERT; the unique key (advisor, start) decides races between customers
 * and nodes, so no lock is held.
 */
public final class JdbcAppointments implements AppointmentRecords {
    private static final int MAX_ID = 64;
    private static final int MAX_CUSTOMER = 128;
    private static final int MAX_SLOTS = 2_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcAppointments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Availability publish(String advisor, String queue, Instant startsAt, Instant endsAt, int slotMinutes) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "advisor", advisor, MAX_ID);
        required(errors, "queue", queue, MAX_ID);
        if (startsAt == null) {
            errors.add(new FieldError("startsAt", "required (an ISO-8601 instant)"));
        } else if (startsAt.isBefore(clock.instant())) {
            errors.add(new FieldError("startsAt", "is in the past; publish availability from now on"));
        }
        if (endsAt == null) {
            errors.add(new FieldError("endsAt", "required (an ISO-8601 instant)"));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (slotMinutes < 5 || slotMinutes > 240) {
            errors.add(new FieldError("slotMinutes", "must be between 5 and 240 minutes"));
        } else if (startsAt != null
                && endsAt != null
                && endsAt.isAfter(startsAt)
                && (endsAt.toEpochMilli() - startsAt.toEpochMilli()) % (slotMinutes * 60_000L) != 0) {
            errors.add(
                    new FieldError("endsAt", "must leave whole slots of " + slotMinutes + " minutes after startsAt"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChange(errors);
        }
        Availability a = new Availability(
                UUID.randomUUID().toString(), advisor.strip(), queue.strip(), startsAt, endsAt, slotMinutes);
        jdbc.update(
                "INSERT INTO appointment_availability (id, advisor, queue_id, starts_at, ends_at, slot_minutes) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                a.id(),
                a.advisor(),
                a.queue(),
                time(startsAt),
                time(endsAt),
                slotMinutes);
        return a;
    }

    @Override
    public List<Instant> freeSlots(String queue, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant start = from.isBefore(now) ? now : from;
        Set<Instant> free = new TreeSet<>();
        for (Availability a : availability(queue, start, to)) {
            Set<Instant> taken = booked(a.advisor(), a.startsAt(), a.endsAt());
            for (Instant s = a.startsAt();
                    !s.plus(a.slot()).isAfter(a.endsAt()) && free.size() < MAX_SLOTS;
                    s = s.plus(a.slot())) {
                if (!s.isBefore(start) && s.isBefore(to) && !taken.contains(s)) {
                    free.add(s);
                }
            }
        }
        return List.copyOf(free);
    }

    @Override
    public Appointment book(String queue, Instant startsAt, String customer, String language) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "queue", queue, MAX_ID);
        required(errors, "customer", customer, MAX_CUSTOMER);
        required(errors, "language", language, 16);
        if (startsAt == null) {
            errors.add(new FieldError("startsAt", "required (an ISO-8601 instant)"));
        } else if (!startsAt.isAfter(clock.instant())) {
            errors.add(new FieldError("startsAt", "is in the past; pick a free slot from now on"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChange(errors);
        }
        List<Availability> offering = availability(queue.strip(), startsAt, startsAt.plusSeconds(1)).stream()
                .filter(a -> a.offers(startsAt))
                .toList();
        if (offering.isEmpty()) {
            throw InvalidChange.of(
                    "startsAt",
                    "no advisor of queue " + queue.strip()
                            + " published availability for a slot starting then; pick one of the free slots");
        }
        Instant now = clock.instant();
        for (Availability a : offering) {
            Appointment ap = new Appointment(
                    UUID.randomUUID().toString(),
                    a.queue(),
                    a.advisor(),
                    customer.strip(),
                    language.strip(),
                    startsAt,
                    startsAt.plus(a.slot()),
                    now);
            try {
                jdbc.update(
                        "INSERT INTO appointments (id, queue_id, advisor, customer, language, starts_at, ends_at, "
                                + "booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        ap.id(),
                        ap.queue(),
                        ap.advisor(),
                        ap.customer(),
                        ap.language(),
                        time(ap.startsAt()),
                        time(ap.endsAt()),
                        time(now));
                return ap;
            } catch (DuplicateKeyException taken) {
                // another customer has this advisor at this time: try the next advisor who offers the slot
            }
        }
        throw InvalidChange.of("startsAt", "this slot was just booked by someone else; pick another free slot");
    }

    @Override
    public Optional<Appointment> appointment(String id) {
        return jdbc.query("SELECT * FROM appointments WHERE id = ?", JdbcAppointments::appointment, id).stream()
                .findFirst();
    }

    @Override
    public List<Appointment> dayOf(String advisor, LocalDate day, ZoneId zone) {
        return jdbc.query(
                "SELECT * FROM appointments WHERE advisor = ? AND starts_at >= ? AND starts_at < ? "
                        + "ORDER BY starts_at",
                JdbcAppointments::appointment,
                advisor,
                time(day.atStartOfDay(zone).toInstant()),
                time(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    @Override
    public List<Appointment> upcomingFor(String customer, Instant now) {
        return jdbc.query(
                "SELECT * FROM appointments WHERE customer = ? AND ends_at > ? ORDER BY starts_at LIMIT 100",
                JdbcAppointments::appointment,
                customer,
                time(now));
    }

    /** Availabilities of the queue that overlap {@code [from, to)}. */
    private List<Availability> availability(String queue, Instant from, Instant to) {
        return jdbc.query(
                "SELECT * FROM appointment_availability WHERE queue_id = ? AND ends_at > ? AND starts_at < ? "
                        + "ORDER BY starts_at, advisor",
                (rs, i) -> new Availability(
                        rs.getString("id"),
                        rs.getString("advisor"),
                        rs.getString("queue_id"),
                        at(rs, "starts_at"),
                        at(rs, "ends_at"),
                        rs.getInt("slot_minutes")),
                queue,
                time(from),
                time(to));
    }

    private Set<Instant> booked(String advisor, Instant from, Instant to) {
        return new TreeSet<>(jdbc.query(
                "SELECT starts_at FROM appointments WHERE advisor = ? AND starts_at >= ? " + "AND starts_at < ?",
                (rs, i) -> at(rs, "starts_at"),
                advisor,
                time(from),
                time(to)));
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
    }

    private static Appointment appointment(ResultSet rs, int i) throws SQLException {
        return new Appointment(
                rs.getString("id"),
                rs.getString("queue_id"),
                rs.getString("advisor"),
                rs.getString("customer"),
                rs.getString("language"),
                at(rs, "starts_at"),
                at(rs, "ends_at"),
                at(rs, "booked_at"));
    }
}
