package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 items 4 and 5 on the real server: a customer answered by an advisor and one who gives up are in the
 * interval reports once each (answered, abandoned, service level and ASA from them), in the queue's metrics on
 * /actuator/prometheus; bad report parameters are a 400 naming the field; and in headless Chromium the supervisor
 * filters the reports page by queue and days, sees both Chart.js charts drawn and downloads a CSV whose rows are the
 * API's (server/src/test/browser/reports-page.js).
 */
@Tag("peer")
class ReportsPageInBrowserTest {
    private static final String CHAT = "/api/customer/conversations";
    private static final String REPORTS = "/api/reports/intervals";

    @Test
    void answeredAndAbandonedCustomersAreReportedOnceChartedAndExportedAsTheApiReturnsThem(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir)) {
            server.awaitHealthy(Duration.ofMinutes(5));
            String base = server.baseUrl();
            // days either side of now, so a run across midnight (UTC) still holds both customers
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String days = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

            WebSession smith = WebSession.signIn(base, "smith", "demo1234");
            String smithChat = smith.json(201, "POST", CHAT, "{\"language\":\"en\"}").path("conversationId").asString();
            smith.json(202, "POST", CHAT + "/" + smithChat + "/person", "{\"channel\":\"CHAT\"}");
            String answered = CustomerChatApiTest.awaitStatus(smith, smithChat, "QUEUED").path("interactionId").asString();

            WebSession li = WebSession.signIn(base, "li", "demo1234");
            String liChat = li.json(201, "POST", CHAT, "{\"language\":\"zh\"}").path("conversationId").asString();
            li.json(202, "POST", CHAT + "/" + liChat + "/person", "{\"channel\":\"CHAT\"}");
            CustomerChatApiTest.awaitStatus(li, liChat, "QUEUED");
            li.json(200, "DELETE", CHAT + "/" + liChat, null); // gives up before anyone answers

            WebSession david = WebSession.signIn(base, "david", "demo1234");
            String queue;
            try (ConsoleSocket desk = ConsoleSocket.open(david, "/ws/agent")) {
                desk.await("desk", m -> true, Duration.ofSeconds(10));
                desk.send("{\"type\":\"presence\",\"state\":\"READY\"}");
                desk.await("offer", m -> m.path("customer").path("interactionId").asString().equals(answered),
                        Duration.ofSeconds(30));
                queue = david.json(200, "GET", "/api/agent/interactions/" + answered, null).path("queue").asString();
                desk.send("{\"type\":\"accept\",\"interactionId\":\"" + answered + "\"}");
                CustomerChatApiTest.awaitStatus(smith, smithChat, "CONNECTED");
                desk.send("{\"type\":\"hangup\",\"interactionId\":\"" + answered + "\"}");
                desk.await("ended", m -> m.path("interactionId").asString().equals(answered), Duration.ofSeconds(20));
                desk.send("{\"type\":\"wrapup\",\"code\":\"CARD_BLOCKED\",\"notes\":\"\"}");
                desk.await("presence", m -> m.path("state").asString().equals("READY"), Duration.ofSeconds(20));
            }

            WebSession sam = WebSession.signIn(base, "sam", "demo1234");
            JsonNode all = awaitReport(sam, REPORTS + "?" + days, 2);
            assertThat(sum(all, "offered")).as("each customer offered once").isEqualTo(2);
            assertThat(sum(all, "answered")).isEqualTo(1);
            assertThat(sum(all, "abandoned")).isEqualTo(1);
            JsonNode hk = sam.json(200, "GET", REPORTS + "?" + days + "&region=HK", null);
            assertThat(sum(hk, "offered")).as("smith is of HK, li of SZ").isEqualTo(1);
            assertThat(sum(hk, "abandoned")).isZero();
            JsonNode row = single(sam.json(200, "GET", REPORTS + "?" + days + "&region=HK&queue=" + queue, null));
            assertThat(row.path("serviceLevel").asDouble())
                    .isEqualTo(row.path("answeredWithinSla").asDouble() / (row.path("answered").asLong() + row.path("abandoned").asLong()));
            assertThat(row.path("asaSeconds").asDouble()).isPositive();
            assertThat(row.path("handled").asLong()).isEqualTo(1);
            assertThat(row.path("ahtSeconds").asDouble()).isPositive();
            JsonNode byAdvisor = sam.json(200, "GET", REPORTS + "?" + days + "&by=advisor", null);
            assertThat(byAdvisor.path("rows").valueStream().map(r -> r.path("key").asString())).containsOnly("david");

            // bad input: a 400 that names the field
            assertBad(sam, REPORTS + "?from=2026-02-30&to=" + today, "from");
            assertBad(sam, REPORTS + "?from=" + today + "&to=" + today.minusDays(3), "to");
            assertBad(sam, REPORTS + "?from=" + today.minusDays(400) + "&to=" + today, "to");
            assertBad(sam, REPORTS + "?to=" + today, "from");
            assertBad(sam, REPORTS + "?" + days + "&queue=no-such-queue", "queue");
            assertBad(sam, REPORTS + "?" + days + "&by=week", "by");
            assertBad(sam, REPORTS + ".csv?" + days + "&queue=no-such-queue", "queue");
            assertThat(WebSession.signIn(base, "david", "demo1234").send("GET", REPORTS + "?" + days, null).statusCode())
                    .as("advisors do not read reports").isEqualTo(403);

            long offeredInQueue = sum(sam.json(200, "GET", REPORTS + "?" + days + "&queue=" + queue, null), "offered");
            String metrics = sam.send("GET", "/actuator/prometheus", null).body();
            assertThat(metrics).contains("mvtm_queue_offered_total{queue=\"" + queue + "\"} " + offeredInQueue + ".0",
                    "mvtm_queue_answered_total{queue=\"" + queue + "\"} 1.0", "mvtm_queue_waiting{queue=\"" + queue + "\"} 0.0",
                    "mvtm_queue_longest_wait_seconds{queue=", "mvtm_queue_abandoned_total{queue=",
                    "mvtm_queue_service_level{queue=\"" + queue + "\"}", "mvtm_queue_handle_time_seconds{queue=\"" + queue + "\"}");

            Map<String, String> env = Map.of("BASE_URL", base, "PASSWORD", "demo1234", "QUEUE", queue,
                    "FROM", today.minusDays(1).toString(), "TO", today.plusDays(1).toString(),
                    "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());
            try (NodeScript page = NodeScript.start("server/src/test/browser/reports-page.js", env, line -> { })) {
                int exit = page.await(Duration.ofMinutes(4));
                assertThat(page.output()).as("browser output; server log:\n" + server.output()).contains("REPORTS OK");
                assertThat(exit).isZero();
            }
        }
    }

    private static JsonNode awaitReport(WebSession s, String path, long offered) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = s.json(200, "GET", path, null);
            if (sum(last, "offered") >= offered && sum(last, "answered") + sum(last, "abandoned") >= offered) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the report never counted " + offered + " customers; last " + last);
    }

    private static long sum(JsonNode report, String field) {
        return StreamSupport.stream(report.path("rows").spliterator(), false).mapToLong(r -> r.path(field).asLong()).sum();
    }

    private static JsonNode single(JsonNode report) {
        assertThat(report.path("rows")).as(report.toString()).hasSize(1);
        return report.path("rows").get(0);
    }

    private static void assertBad(WebSession s, String path, String field) throws Exception {
        HttpResponse<String> r = s.send("GET", path, null);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(400);
        JsonNode body = WebSession.JSON.readTree(r.body());
        assertThat(body.path("field").asString()).as(r.body()).isEqualTo(field);
        assertThat(body.path("message").asString()).isNotBlank();
    }
}
