package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.core.event.EventBus;
import org.mvtm.reporting.api.ReportingService;
import org.mvtm.reporting.api.Reportings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A wall screen in a database outage (here: the real interval reporting's connection pool is closed): the live
 * numbers come from routing, so the supervisor still sees who is waiting, with today's figures marked missing and
 * why, instead of a screen that only says the request failed.
 */
@SpringBootTest(classes = {WebTestApplication.class, WallboardWithoutTheDatabaseTest.IntervalRecords.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WallboardWithoutTheDatabaseTest {
    /** Not a @Configuration: WebTierConfiguration scans org.mvtm.web, and this must not reach other tests' contexts. */
    static class IntervalRecords {
        @Bean(destroyMethod = "close")
        ReportingService reporting(EventBus bus, Clock clock) {
            return Reportings.open(new DatabaseSettings("jdbc:h2:mem:reporting-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""),
                    bus, queue -> Duration.ofSeconds(20), clock);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ReportingService reporting;

    @Test
    void whileTheDatabaseDoesNotAnswerTheWallboardStillShowsWhoIsWaitingAndSaysWhyTodaysFiguresAreMissing()
            throws Exception {
        Browserless customer = Browserless.signedIn(port, "queuer");
        SocketSteps.Queued waiting = SocketSteps.queuedPage(customer, "en", "CHAT");
        Browserless sam = Browserless.signedIn(port, "sam");
        reporting.flush();

        JsonNode before = wallboard(sam);
        JsonNode queue = queueWithSomeoneWaiting(before);
        assertThat(before.path("todayUnavailable").isNull()).as("today's figures are there").isTrue();
        assertThat(queue.path("today").path("offered").asLong()).as("today's offered calls").isEqualTo(1);

        reporting.close(); // its database no longer answers
        JsonNode during = wallboard(sam);
        assertThat(during.path("todayUnavailable").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        JsonNode same = queueWithSomeoneWaiting(during);
        assertThat(same.path("queue").asString()).isEqualTo(queue.path("queue").asString());
        assertThat(same.path("today").isNull()).as("no figures of today made up").isTrue();

        SocketSteps.leave(waiting.page());
        waiting.page().close();
    }

    private static JsonNode wallboard(Browserless supervisor) {
        var response = supervisor.get("/api/reports/wallboard");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode queueWithSomeoneWaiting(JsonNode board) {
        for (JsonNode q : board.path("queues")) {
            if (q.path("waiting").asInt() == 1) {
                return q;
            }
        }
        throw new AssertionError("no queue shows the waiting customer: " + board);
    }
}
