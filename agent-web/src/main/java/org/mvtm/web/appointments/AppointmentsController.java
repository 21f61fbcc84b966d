package org.mvtm.web.appointments;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Appointment;
import org.mvtm.admin.api.Availability;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scheduled video appointments over HTTP. Customers: {@code GET /api/customer/appointments/slots?queue=&from=&to=}
 * (free slot starts, default the next 14 days), {@code POST /api/customer/appointments {queue, startsAt}} (201 with
 * the booking, their confirmation), {@code GET /api/customer/appointments} (their upcoming ones). Advisors:
 * {@code POST /api/agent/appointments/availability {queue, startsAt, endsAt, slotMinutes}} and
 * {@code GET /api/agent/appointments?day=&zone=} (their day, the console's list). Bad input answers 400
 * {@code {"field", "message"}} and writes nothing.
 */
@RestController
class AppointmentsController {
    private static final Duration DEFAULT_RANGE = Duration.ofDays(14);
    private static final Duration LONGEST_RANGE = Duration.ofDays(62);

    private final AdministrationService admin;
    private final Clock clock;
    private final AppointmentConfirmations confirmations;

    AppointmentsController(AdministrationService admin, Clock clock, AppointmentConfirmations confirmations) {
        this.confirmations = confirmations;
        this.admin = admin;
        this.clock = clock;
    }

    record Booking(String queue, String startsAt) {
    }

    record Publication(String queue, String startsAt, String endsAt, Integer slotMinutes) {
    }

    @GetMapping("/api/customer/appointments/slots")
    List<Instant> slots(@RequestParam(required = false) String queue, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to) {
        String q = required("queue", queue);
        Instant start = from == null || from.isBlank() ? clock.instant() : instant("from", from);
        Instant end = to == null || to.isBlank() ? start.plus(DEFAULT_RANGE) : instant("to", to);
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw InvalidChange.of("to", "must be after from and at most " + LONGEST_RANGE.toDays() + " days later");
        }
        return admin.appointments().freeSlots(q, start, end);
    }

    @PostMapping("/api/customer/appointments")
    ResponseEntity<Appointment> book(Principal principal, @RequestBody Booking booking) {
        WebUser customer = CurrentUser.require(principal);
        Appointment booked = admin.appointments().book(required("queue", booking.queue()),
                instant("startsAt", booking.startsAt()), customer.username(), customer.preferredLanguage().tag());
        confirmations.booked(booked);
        return ResponseEntity.status(HttpStatus.CREATED).body(booked);
    }

    @GetMapping("/api/customer/appointments")
    List<Appointment> upcoming(Principal principal) {
        return admin.appointments().upcomingFor(CurrentUser.require(principal).username(), clock.instant());
    }

    @PostMapping("/api/agent/appointments/availability")
    ResponseEntity<Availability> publish(Principal principal, @RequestBody Publication p) {
        WebUser advisor = CurrentUser.require(principal);
        Availability published = admin.appointments().publish(advisor.agentId().orElseThrow().value(),
                required("queue", p.queue()), instant("startsAt", p.startsAt()), instant("endsAt", p.endsAt()),
                p.slotMinutes() == null ? 30 : p.slotMinutes());
        return ResponseEntity.status(HttpStatus.CREATED).body(published);
    }

    @GetMapping("/api/agent/appointments")
    List<Appointment> day(Principal principal, @RequestParam(required = false) String day,
                          @RequestParam(required = false) String zone) {
        WebUser advisor = CurrentUser.require(principal);
        ZoneId z;
        try {
            z = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw InvalidChange.of("zone", "must be a time zone such as Asia/Hong_Kong but was '" + zone + "'");
        }
        LocalDate d;
        try {
            d = day == null || day.isBlank() ? LocalDate.ofInstant(clock.instant(), z) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw InvalidChange.of("day", "must be a date such as 2026-03-02 but was '" + day + "'");
        }
        return admin.appointments().dayOf(advisor.agentId().orElseThrow().value(), d, z);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidChange.of(field, "required");
        }
        return value.strip();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidChange.of(field, "required (an ISO instant such as 2026-03-02T01:00:00Z)");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidChange.of(field, "must be an ISO instant such as 2026-03-02T01:00:00Z but was '" + value + "'");
        }
    }

    /** A refused booking or publication: 400 naming the first bad field, every bad field under {@code errors}. */
    @ExceptionHandler(InvalidChange.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidChange e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", e.errors().getFirst().field());
        body.put("message", e.errors().getFirst().message());
        body.put("errors", e.errors());
        return ResponseEntity.badRequest().body(body);
    }
}
