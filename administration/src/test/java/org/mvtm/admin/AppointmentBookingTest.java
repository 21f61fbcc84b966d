package org.mvtm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mvtm.admin.Refusals.errorsOf;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.Administrations;
import org.mvtm.admin.api.Appointment;
import org.mvtm.admin.api.AppointmentRecords;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.admin.api.FieldError;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.core.event.InProcessEventBus;

/** Customers book a video meeting from advisors' published availability in the system of record (embedded H2). */
class AppointmentBookingTest {
    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant NINE = Instant.parse("2026-03-03T01:00:00Z"); // 09:00 in Hong Kong, the next day
    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @TempDir
    Path dir;

    AdministrationService admin;
    AppointmentRecords appointments;

    @BeforeEach
    void open() {
        admin = Administrations.open(
                new AdministrationSettings(DatabaseSettings.embedded(dir.resolve("db")), "mvtm.local"),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new InProcessEventBus());
        appointments = admin.appointments();
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aCustomerBooksAFreeSlotAndTheAdvisorSeesItInTheirDay() {
        appointments.publish("wong", "wealth", NINE, NINE.plusSeconds(3600), 30);
        assertThat(appointments.freeSlots("wealth", NOW, NINE.plusSeconds(86_400)))
                .containsExactly(NINE, NINE.plusSeconds(1800));

        Appointment booked = appointments.book("wealth", NINE.plusSeconds(1800), "cust-1", "zh-Hant");

        assertThat(booked.advisor()).isEqualTo("wong");
        assertThat(booked.endsAt()).isEqualTo(NINE.plusSeconds(3600));
        assertThat(appointments.freeSlots("wealth", NOW, NINE.plusSeconds(86_400)))
                .containsExactly(NINE);
        assertThat(appointments.dayOf("wong", LocalDate.of(2026, 3, 3), HONG_KONG))
                .containsExactly(booked);
        assertThat(appointments.dayOf("wong", LocalDate.of(2026, 3, 2), HONG_KONG))
                .isEmpty();
        assertThat(appointments.upcomingFor("cust-1", NOW)).containsExactly(booked);
        assertThat(appointments.appointment(booked.id())).contains(booked);
    }

    @Test
    void aSlotInThePastOrOutsideAvailabilityIsRefusedNamingTheField() {
        appointments.publish("wong", "wealth", NINE, NINE.plusSeconds(3600), 30);

        assertThat(errorsOf(() -> appointments.book("wealth", NOW.minusSeconds(60), "cust-1", "en")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("startsAt");
                    assertThat(e.message()).contains("past");
                });
        assertThat(errorsOf(() -> appointments.book("wealth", NINE.plusSeconds(3600), "cust-1", "en")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("startsAt");
                    assertThat(e.message()).contains("no advisor");
                });
        assertThat(errorsOf(() -> appointments.book("wealth", NINE.plusSeconds(600), "cust-1", "en")))
                .extracting(FieldError::field)
                .containsExactly("startsAt"); // not on a slot boundary
        assertThat(errorsOf(() -> appointments.book("cards", NINE, "cust-1", "en")))
                .extracting(FieldError::field)
                .containsExactly("startsAt"); // nobody publishes for this queue
        assertThat(errorsOf(() -> appointments.book(" ", NINE, "", "en")))
                .extracting(FieldError::field)
                .containsExactly("queue", "customer");
        assertThat(errorsOf(
                        () -> appointments.publish("wong", "wealth", NOW.minusSeconds(60), NOW.plusSeconds(1740), 30)))
                .extracting(FieldError::field)
                .containsExactly("startsAt");
        assertThat(errorsOf(() -> appointments.publish("wong", "wealth", NINE, NINE.plusSeconds(1000), 30)))
                .extracting(FieldError::field)
                .containsExactly("endsAt");
        assertThat(appointments.upcomingFor("cust-1", NOW)).isEmpty(); // nothing half-written
    }

    @Test
    void twoCustomersBookingTheLastSlotAtOnceExactlyOneWins() throws Exception {
        appointments.publish("wong", "wealth", NINE, NINE.plusSeconds(1800), 30);
        int customers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Appointment>> bookings = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String customer = "cust-" + i;
            bookings.add(() -> {
                start.await();
                return appointments.book("wealth", NINE, customer, "en");
            });
        }
        int won = 0;
        List<String> refusals = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(customers)) {
            List<Future<Appointment>> results = new ArrayList<>();
            for (Callable<Appointment> b : bookings) {
                results.add(pool.submit(b));
            }
            start.countDown();
            for (Future<Appointment> f : results) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(InvalidChange.class);
                    refusals.add(((InvalidChange) e.getCause()).errors().get(0).message());
                }
            }
        }
        assertThat(won).isEqualTo(1);
        assertThat(refusals)
                .hasSize(customers - 1)
                .allSatisfy(m -> assertThat(m).contains("just booked"));
        assertThat(appointments.dayOf("wong", LocalDate.of(2026, 3, 3), HONG_KONG))
                .hasSize(1);
        assertThat(appointments.freeSlots("wealth", NOW, NINE.plusSeconds(86_400)))
                .isEmpty();
    }

    @Test
    void withTwoAdvisorsAvailableTheSecondCustomerGetsTheOtherAdvisor() {
        appointments.publish("wong", "wealth", NINE, NINE.plusSeconds(1800), 30);
        appointments.publish("chan", "wealth", NINE, NINE.plusSeconds(1800), 30);

        Appointment first = appointments.book("wealth", NINE, "cust-1", "en");
        Appointment second = appointments.book("wealth", NINE, "cust-2", "en");

        assertThat(List.of(first.advisor(), second.advisor())).containsExactlyInAnyOrder("wong", "chan");
        assertThatThrownBy(() -> appointments.book("wealth", NINE, "cust-3", "en"))
                .isInstanceOf(InvalidChange.class);
    }
}
