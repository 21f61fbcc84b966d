package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.sip.support.RtpPhone;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 items 3, 4 and 5 on the real server: a web customer answered by an advisor, one who gives up, and a SIPp
 * caller who is told in English that every advisor is busy (spoken over the queue music) and hangs up, are in the
 * interval reports once each (answered, abandoned, per channel, service level from them), in the queue's metrics on
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
        SipJourneyTest.speechWav(dir, "check"); // checks that sipp, sox and espeak-ng are installed
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0");
             RtpPhone callerEar = new RtpPhone()) {
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

            // a SIP caller waits too: with no advisor working yet, told in English that every advisor is busy (no
            // made-up number) over the queue music, then hangs up (CANCEL) before anyone answers
            Path injection = dir.resolve("gives-up.csv");
            Files.writeString(injection, "SEQUENTIAL\n0;smith;" + callerEar.port() + ";\n");
            Process caller = SipJourneyTest.sipp(dir, "gives-up", SipJourneyTest.scenario(dir, "customer-gives-up.xml", dir),
                    "-inf", injection.toString(), "-s", "general", "-au", "smith", "-ap", "phone-smith-1234", "-m", "1",
                    "-d", "6000", "-p", String.valueOf(ServerProcess.freeUdpPort()),
                    "-mp", String.valueOf(ServerProcess.freeUdpPort()), "127.0.0.1:" + server.sipPort);
            try {
                await("the waiting SIP caller is told").atMost(Duration.ofMinutes(1))
                        .until(() -> server.output().contains("told waiting caller") || !caller.isAlive());
                assertThat(caller.waitFor(90, TimeUnit.SECONDS)).isTrue();
                assertThat(caller.exitValue()).as("INVITE/auth/183/CANCEL/487/ACK\n"
                        + SipJourneyTest.read(dir.resolve("gives-up.err")) + "\nserver:\n" + server.output()).isZero();
            } finally {
                caller.destroyForcibly();
            }
            assertThat(server.output()).containsPattern("told waiting caller \\S+ \\(en\\): Thank you for waiting\\. "
                    + "All our advisors are busy at the moment\\.");
            assertThat(callerEar.packetsHeard()).as("the caller heard the announcement and the music").isPositive();
            assertThat(callerEar.meanEnergy()).isGreaterThan(100);

            WebSession david = WebSession.signIn(base, "david", "demo1234");
            String queue;
            try (ConsoleSocket desk = ConsoleSocket.open(david, "/ws/agent")) {
                desk.await("desk", m -> true, Duration.ofSeconds(10));
                desk.send("{\"type\":\"presence\",\"state\":\"READY\"}");
                desk.await("offer", m -> m.path("customer").path("interactionId").asString().equals(answered),
                        Duration.ofSeconds(30));
                queue = david.json(200, "GET", "/api/agent/interactions/" + answered, null).path("queue").asString();
                desk.send("{\"type\":\"accept\",\"interactionId\":\"" + answered + "\"}");
                // the desk holds the call once its console is told: only then is the hang-up below one for this call
                desk.await("connected", m -> m.path("customer").path("interactionId").asString().equals(answered),
                        Duration.ofSeconds(20));
                CustomerChatApiTest.awaitStatus(smith, smithChat, "CONNECTED");
                desk.send("{\"type\":\"hangup\",\"interactionId\":\"" + answered + "\"}");
                desk.await("ended", m -> m.path("interactionId").asString().equals(answered), Duration.ofSeconds(20));
                desk.send("{\"type\":\"wrapup\",\"code\":\"CARD_BLOCKED\",\"notes\":\"\"}");
                desk.await("presence", m -> m.path("state").asString().equals("READY"), Duration.ofSeconds(20));
            }

            WebSession sam = WebSession.signIn(base, "sam", "demo1234");
            JsonNode all = awaitReport(sam, REPORTS + "?" + days, 3);
            assertThat(sum(all, "offered")).as("each customer offered once").isEqualTo(3);
            assertThat(sum(all, "answered")).isEqualTo(1);
            assertThat(sum(all, "abandoned")).isEqualTo(2);
            JsonNode hk = sam.json(200, "GET", REPORTS + "?" + days + "&region=HK", null);
            assertThat(sum(hk, "offered")).as("smith is of HK, li of SZ").isEqualTo(2);
            assertThat(sum(hk, "abandoned")).isEqualTo(1);
            JsonNode channels = sam.json(200, "GET", REPORTS + "?" + days + "&by=channel", null);
            assertThat(channels.path("rows").valueStream().filter(r -> r.path("key").asString().equals("VOICE"))
                    .mapToLong(r -> r.path("abandoned").asLong()).sum()).as("the SIP caller who gave up").isEqualTo(1);
            JsonNode general = sam.json(200, "GET", REPORTS + "?" + days + "&region=HK&queue=" + queue, null);
            assertThat(general.path("rows")).allSatisfy(row -> {
                long outcomes = row.path("answered").asLong() + row.path("abandoned").asLong();
                if (outcomes > 0) {
                    assertThat(row.path("serviceLevel").asDouble())
                            .isEqualTo(row.path("answeredWithinSla").asDouble() / outcomes);
                }
            });
            assertThat(sum(general, "handled")).isEqualTo(1);
            assertThat(general.path("rows").valueStream().filter(r -> r.path("answered").asLong() == 1)
                    .findFirst().orElseThrow().path("ahtSeconds").asDouble()).isPositive();
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
            NodeScript.run("server/src/test/browser/reports-page.js", env, server, "REPORTS OK", line -> { });
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

    private static void assertBad(WebSession s, String path, String field) throws Exception {
        HttpResponse<String> r = s.send("GET", path, null);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(400);
        JsonNode body = WebSession.JSON.readTree(r.body());
        assertThat(body.path("field").asString()).as(r.body()).isEqualTo(field);
        assertThat(body.path("message").asString()).isNotBlank();
    }
}
