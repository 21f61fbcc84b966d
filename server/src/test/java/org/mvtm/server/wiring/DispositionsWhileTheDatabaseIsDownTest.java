package org.mvtm.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.PostgresProcess;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.Administrations;
import org.mvtm.admin.api.Disposition;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.UserChange;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.event.InteractionDisposed;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.testing.LogCapture;

/**
 * Advisors wrap up while PostgreSQL is down: their dispositions fail to be written, wait, and are in the system of
 * record after it comes back, where compliance reads them.
 */
@Tag("peer")
class DispositionsWhileTheDatabaseIsDownTest {
    @Test
    void dispositionsGivenWhileTheDatabaseIsDownAreKeptOnceItAnswersAgain() throws Exception {
        InProcessEventBus bus = new InProcessEventBus();
        Clock clock = Clock.systemUTC();
        try (LogCapture recorderLog = LogCapture.of(DispositionRecorder.class);
                PostgresProcess postgres = PostgresProcess.start();
                AdministrationService admin = Administrations.open(
                        new AdministrationSettings(postgres.newDatabase(), "mvtm.local"), clock, bus);
                RoutingEngine routing = RoutingEngines.inMemory(RoutingConfig.defaults(), clock, bus);
                DispositionRecorder recorder = new DispositionRecorder(admin, routing, bus, clock, Duration.ofMillis(200))) {
            admin.createUser("root", new UserChange("ada", "Ada", Set.of(Role.ADVISOR), Set.of("MO"), "en", true,
                    "tea-garden-long-41", null));
            disposed(bus, "before", "RESOLVED");
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.dispositions().of("before").isPresent());

            postgres.restartAfter(() -> {
                disposed(bus, "during-1", "CARD_BLOCKED");
                disposed(bus, "during-2", "FOLLOW_UP");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> recorderLog.said("keeping wrap-up dispositions in the database failed"));
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> admin.dispositions().of("during-2").isPresent());
            Optional<Disposition> first = admin.dispositions().of("during-1");
            assertThat(first).hasValueSatisfying(d -> {
                assertThat(d.code()).isEqualTo("CARD_BLOCKED");
                assertThat(d.advisor()).isEqualTo("ada");
                assertThat(d.region()).as("the advisor's, as routing no longer knows the interaction").isEqualTo("MO");
            });
            assertThat(admin.dispositions().of("during-2").orElseThrow().code()).isEqualTo("FOLLOW_UP");
            await().atMost(Duration.ofSeconds(10)).until(() -> recorderLog.said("works again"));
        }
    }

    private static void disposed(InProcessEventBus bus, String interaction, String code) {
        bus.publish(new InteractionDisposed(Instant.now(), AgentId.of("ada"), Optional.of(InteractionId.of(interaction)),
                code, "notes of " + interaction));
    }
}
