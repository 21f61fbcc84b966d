package org.mvtm.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
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
    /** A node's parts the recorder works with, on a PostgreSQL of the test's own; closed in reverse order. */
    private static final class Node implements AutoCloseable {
        final InProcessEventBus bus = new InProcessEventBus();
        final Clock clock = Clock.systemUTC();
        final LogCapture recorderLog = LogCapture.of(DispositionRecorder.class);
        final PostgresProcess postgres;
        final AdministrationService admin;
        final RoutingEngine routing;

        Node() throws Exception {
            postgres = PostgresProcess.start();
            admin = Administrations.open(new AdministrationSettings(postgres.newDatabase(), "mvtm.local"), clock, bus);
            routing = RoutingEngines.inMemory(RoutingConfig.defaults(), clock, bus);
        }

        DispositionRecorder recorder(Duration retryEvery) {
            return new DispositionRecorder(admin, routing, bus, clock, retryEvery);
        }

        void disposed(String interaction, String code) {
            DispositionsWhileTheDatabaseIsDownTest.disposed(bus, interaction, code);
        }

        @Override
        public void close() throws Exception {
            try (recorderLog; postgres; admin; routing) {
                // closed in reverse order: routing, the administration, PostgreSQL, the log capture
            }
        }
    }

    @Test
    void dispositionsGivenWhileTheDatabaseIsDownAreKeptOnceItAnswersAgain() throws Exception {
        try (Node node = new Node(); DispositionRecorder recorder = node.recorder(Duration.ofMillis(200))) {
            AdministrationService admin = node.admin;
            admin.createUser("root", new UserChange("ada", "Ada", Set.of(Role.ADVISOR), Set.of("MO"), "en", true,
                    "tea-garden-long-41", null));
            node.disposed("before", "RESOLVED");
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.dispositions().of("before").isPresent());

            node.postgres.restartAfter(() -> {
                node.disposed("during-1", "CARD_BLOCKED");
                node.disposed("during-2", "FOLLOW_UP");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> node.recorderLog.said("keeping wrap-up dispositions in the database failed"));
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> admin.dispositions().of("during-2").isPresent());
            Optional<Disposition> first = admin.dispositions().of("during-1");
            assertThat(first).hasValueSatisfying(d -> {
                assertThat(d.code()).isEqualTo("CARD_BLOCKED");
                assertThat(d.advisor()).isEqualTo("ada");
                assertThat(d.region()).as("the advisor's, as routing no longer knows the interaction").isEqualTo("MO");
            });
            assertThat(admin.dispositions().of("during-2").orElseThrow().code()).isEqualTo("FOLLOW_UP");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.recorderLog.said("works again"));
        }
    }

    /**
     * The server stops while the database is still down: every disposition given in the outage is named in the log
     * (it is on the call's recording), none dropped unsaid. Before, each new disposition first tried the database
     * (5 s each while it did not answer), so most were still queued behind those tries when the server stopped.
     */
    @Test
    void dispositionsGivenWhileTheDatabaseIsDownAreEachNamedInTheLogIfTheServerStopsFirst() throws Exception {
        try (Node node = new Node()) {
            DispositionRecorder recorder = node.recorder(Duration.ofSeconds(10));
            List<String> given = IntStream.rangeClosed(1, 8).mapToObj(i -> "outage-" + i).toList();
            node.postgres.restartAfter(() -> {
                given.forEach(id -> node.disposed(id, "FOLLOW_UP"));
                recorder.close();
            });
            List<String> named = node.recorderLog.lines().stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("was not kept in the database")).toList();
            assertThat(given).allSatisfy(id -> assertThat(named).as("the log names " + id)
                    .anySatisfy(m -> assertThat(m).contains(" of " + id + " by ")));
        }
    }

    private static void disposed(InProcessEventBus bus, String interaction, String code) {
        bus.publish(new InteractionDisposed(Instant.now(), AgentId.of("ada"), Optional.of(InteractionId.of(interaction)),
                code, "notes of " + interaction));
    }
}
