package org.mvtm.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.reporting.api.ReportingService;
import org.mvtm.reporting.api.Reportings;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;

/**
 * Issue 18 item 5: after one answered and one abandoned customer the queue's metrics on the Prometheus scrape say so
 * (offered, answered, abandoned, waiting, service level, handle time), and every metric the Grafana dashboard in
 * docker/grafana queries is one the server exports, with the {@code queue} label it filters on.
 */
class GrafanaDashboardReadsTheQueueMetricsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theDashboardQueriesOnlyMetricsTheServerExportsAndTheyCountWhatHappened() throws Exception {
        MutableClock clock = new MutableClock(T0);
        InProcessEventBus bus = new InProcessEventBus();
        try (RoutingEngine routing = RoutingEngines.inMemory(RoutingConfig.defaults()
                .withScheduling(RoutingConfig.Scheduling.MANUAL).withWrapUpTime(Duration.ZERO), clock, bus);
             ReportingService reporting = Reportings.open(new DatabaseSettings("jdbc:h2:mem:metrics-" + UUID.randomUUID()
                     + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""), bus,
                     q -> Duration.ofSeconds(20), clock);
             QueueMetrics metrics = new QueueMetrics(routing, reporting, clock)) {
            routing.defineQueue(QueueConfig.of(QueueId.of("cards"), List.of()));
            AgentId amy = AgentId.of("amy");
            routing.registerAdvisor(new Advisor(amy, "Amy", Region.HK, Set.of(Skill.of("lang.en", 9)), null));
            routing.login(amy);
            routing.ready(amy);
            routing.enqueue(caller("c1"));
            clock.advance(Duration.ofSeconds(5));
            routing.accept(InteractionId.of("c1"), amy);
            routing.enqueue(caller("c2"));
            clock.advance(Duration.ofMinutes(2));
            routing.complete(InteractionId.of("c1"));
            routing.abandon(InteractionId.of("c2"));
            reporting.flush();

            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            metrics.bindTo(registry);
            String scrape = registry.scrape();
            assertThat(scrape).contains("mvtm_queue_offered_total{queue=\"cards\"} 2.0",
                    "mvtm_queue_answered_total{queue=\"cards\"} 1.0", "mvtm_queue_abandoned_total{queue=\"cards\"} 1.0",
                    "mvtm_queue_waiting{queue=\"cards\"} 0.0", "mvtm_queue_service_level{queue=\"cards\"} 0.5",
                    "mvtm_queue_answer_speed_seconds{queue=\"cards\"} 5.0",
                    "mvtm_queue_handle_time_seconds{queue=\"cards\"} 120.0");

            String dashboard = Files.readString(Path.of(System.getProperty("mvtm.project.dir", ".."))
                    .resolve("docker/grafana/mvtm-queues.json"));
            Set<String> queried = new TreeSet<>();
            Matcher m = Pattern.compile("mvtm_[a-z_]+").matcher(dashboard);
            while (m.find()) {
                queried.add(m.group());
            }
            assertThat(queried).hasSizeGreaterThanOrEqualTo(7);
            assertThat(queried).allSatisfy(name -> assertThat(scrape).as("the dashboard reads " + name)
                    .containsPattern("(?m)^" + name + "\\{queue=\"cards\"\\} "));
        }
    }

    private static Interaction caller(String id) {
        Customer c = new Customer(CustomerId.of(id), null, CustomerTier.STANDARD, Language.EN, Region.HK);
        return new Interaction(InteractionId.of(id), ConversationId.of("conv-" + id), Channel.VOICE, c, Language.EN,
                List.of(), QueueId.of("cards"), null, T0);
    }
}
