package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.PostgresExtension;
import org.mvtm.admin.PostgresProcess;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.testing.RedisServerProcess;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.JsonNode;

/**
 * Two server nodes on loopback (own HTTP, SIP and media ports, own data directories) sharing one real redis-server
 * and one PostgreSQL (the system of record; node A seeds the demo into it),
 * started once for every cluster scenario, the node's death last. An advisor on node A is offered a customer who
 * arrived on node B and they talk through one relay and chat across the nodes. A phone customer (SIPp) chats over SIP
 * MESSAGE with node B and gets one assistant answer per line, then chats with an advisor on node A. A compliance
 * officer on the node that did not record the video call finds, replays, verifies and exports it. Last, node A is
 * killed (-9) under a browser video call, a SIP call between two phones (Li's and Erin's desk phone, SIPp) and two
 * waiting customers who came through a front door (load balancer): the video call has media again through node B,
 * node B re-INVITEs both phones from itself and they hear each other through its relay, Li's BYE reaches node B and
 * ends the call; both calls' recordings go on on node B as the same recordings continued, the gap marked (one entry
 * each in the officer's search; while node A is down their verification names node A's part as not checked); the
 * customers wait there at their places and are offered in that order, each to one advisor; the advisor's console
 * reconnects to node B signed in and carries on with the phone customer. Last, node A starts again on its data
 * directory and the officer on node B replays each continued recording's timeline across the gap and verifies both
 * parts and the link between them. Run it alone with:
 * ./mvnw -pl server -am verify -Dtest=NONE -Dit.test=TwoNodeClusterTest -Dsurefire.failIfNoSpecifiedTests=false
 */
@Tag("peer")
@ExtendWith(PostgresExtension.class)
class TwoNodeClusterTest {
    private static final String SECRET = "two-node-test-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String[] PURPOSE = {"X-Purpose", "two-node compliance test"};

    @Test
    void advisorsOnOneNodeServeCustomersOnTheOtherAndNobodyIsLostWhenANodeDies(@TempDir Path dir, PostgresProcess postgres)
            throws Exception {
        Files.createDirectories(dir.resolve("redis"));
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve("phone"));
        // the system of record a bank runs a cluster on: one PostgreSQL, node A seeds the demo into it, then B starts
        DatabaseSettings db = postgres.newDatabase();
        try (RedisServerProcess redis = RedisServerProcess.start();
             ServerProcess a = node(dir.resolve("a"), "node-a", redis, db);
             ServerProcess b = awaitHealthyThenStart(a, () -> node(dir.resolve("b"), "node-b", redis, db))) {
            b.awaitHealthy(Duration.ofSeconds(180));
            Map<String, String> env = Map.of("NODE_A", a.baseUrl(), "NODE_B", b.baseUrl(),
                    "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());

            try (NodeScript call = NodeScript.start("server/src/test/browser/two-node.js", env, line -> { })) {
                call.await(Duration.ofMinutes(4));
                assertThat(call.output()).as("node A log:\n" + a.output() + "\nnode B log:\n" + b.output())
                        .contains("TWO-NODE OK");
            }

            // a phone customer writes to node B over SIP MESSAGE, David (no Cantonese, so never offered the
            // Cantonese customer of the failover phase) serves him from node A
            Phone phone = Phone.start(dir.resolve("phone"), b);
            WebSession signedInOnA = WebSession.signIn(a.baseUrl(), "david", "demo1234");
            try (ConsoleSocket david = ConsoleSocket.open(signedInOnA, "/ws/agent")) {
                String interaction = phoneCustomerGetsOneAnswerPerLineAndChatsWithTheAdvisorOnTheOtherNode(phone, david, a, b);
                complianceOfficerOnTheOtherNodeFindsReplaysVerifiesAndExportsTheVideoCall(a, b);

                // last, the failover, through a front door (load balancer) that sends browsers to node A while it
                // lives: Alice has Li's video call there and Chan, then Smith, wait; node A dies (kill -9) under them
                // and under David's console. Every page reconnects through the front door to node B: the video call
                // has media again through B's relay, Chan and Smith are in the queue at their places and Frank and
                // Carol on node B each get one of them, Chan first. David's session lives in Redis, so he
                // reconnects to node B signed in and carries on with the same phone customer.
                david.send("{\"type\":\"presence\",\"state\":\"NOT_READY\"}");
                // and Li is on the phone with Erin: her SIP call and Erin's desk phone are both at node A, so the
                // call's dialogs and media die with it too
                List<String> continued;
                try (FrontDoor door = FrontDoor.preferring(a.baseUrl(), b.baseUrl());
                     SurvivingSipCall sipCall = SurvivingSipCall.connect(dir.resolve("sip-call"), a)) {
                    continued = nodeDiesUnderACallAndWaitingCustomers(env, door, a, b, sipCall, redis);
                }
                WebSession onB = new WebSession(signedInOnA.http(), signedInOnA.cookies(), b.baseUrl());
                assertThat(onB.json(200, "GET", "/api/me", null).toString()).as("signed in at node B").contains("david");
                try (ConsoleSocket again = reconnect(onB, b)) {
                    again.await("desk", m -> true, WAIT);
                    again.send(chat(interaction, "Are you still there?"));
                    phone.awaitLine("advisor", "still there");
                }
                // node A starts again on its data directory: both parts of each continued recording are reachable
                long restarting = System.nanoTime();
                try (ServerProcess aAgain = node(dir.resolve("a"), "node-a", redis, db)) {
                    aAgain.awaitHealthy(Duration.ofSeconds(180));
                    System.out.printf("two-node: node A healthy again after %.1f s%n", (System.nanoTime() - restarting) / 1e9);
                    wholeRecordingsVerifyOnceTheDeadNodeIsBack(aAgain, b, continued);
                    System.out.printf("two-node: node A's restart and the checks of both parts took %.1f s%n",
                            (System.nanoTime() - restarting) / 1e9);
                }
            } finally {
                phone.close();
            }
        }
    }

    /**
     * Node A dies (kill -9) while it holds a browser video call (both pages and the media on it) and two waiting
     * customers. The pages reconnect through the front door to node B: the call is started again there (media-rehome.js
     * offers afresh, B takes the call's media over once A's lease ran out) and media flows both ways again; the
     * waiting customers' conversations come from Redis with their places; Frank on node B is offered Chan (who waited
     * first), Carol then Smith, and nobody is offered both.
     */
    private static List<String> nodeDiesUnderACallAndWaitingCustomers(Map<String, String> env, FrontDoor door,
                                                                      ServerProcess a, ServerProcess b,
                                                                      SurvivingSipCall sipCall, RedisServerProcess redis)
            throws Exception {
        // Frank and Carol work on node B, not ready yet, consoles open before node A dies
        try (ConsoleSocket frank = ConsoleSocket.open(WebSession.signIn(b.baseUrl(), "frank", "demo1234"), "/ws/agent");
             ConsoleSocket carol = ConsoleSocket.open(WebSession.signIn(b.baseUrl(), "carol", "demo1234"), "/ws/agent")) {
            frank.await("desk", m -> true, WAIT);
            carol.await("desk", m -> true, WAIT);
            CountDownLatch waiting = new CountDownLatch(1);
            CountDownLatch rehomed = new CountDownLatch(1);
            var failoverEnv = new java.util.HashMap<>(env);
            failoverEnv.put("PHASE", "failover");
            failoverEnv.put("FRONT_DOOR", door.baseUrl());
            try (NodeScript failover = NodeScript.start("server/src/test/browser/two-node.js", failoverEnv, line -> {
                if (line.equals("WAITING")) {
                    waiting.countDown();
                } else if (line.startsWith("REHOMED")) {
                    System.out.println("two-node failover: " + line);
                    rehomed.countDown();
                }
            })) {
                assertThat(waiting.await(4, TimeUnit.MINUTES)).as("call and waiting customers on node A:\n"
                        + failover.output() + "\nnode A log:\n" + a.output()).isTrue();
                everyRecordingOnNodeAHasASegmentOnDisk(redis, a);
                long killedAt = System.currentTimeMillis();
                a.kill();
                a.awaitExit(WAIT);
                failover.tell("go " + killedAt);
                // node B finds the SIP call of dead node A, takes its media over and re-INVITEs both phones from
                // itself: each hears the other through B's relay
                sipCall.awaitMediaThroughSurvivor(killedAt);
                assertThat(sipCall.reinvitedFrom()).as("the re-INVITEs came from node B").isEqualTo(b.sipPort);
                assertThat(rehomed.await(3, TimeUnit.MINUTES)).as("media and queue back on node B:\n" + failover.output()
                        + "\nnode B log:\n" + b.output()).isTrue();

                frank.send("{\"type\":\"presence\",\"state\":\"READY\"}");
                JsonNode first = frank.await("offer", m -> true, WAIT).path("customer");
                assertThat(first.path("customerName").asString()).as("the customer who waited first").contains("Chan");
                frank.send("{\"type\":\"accept\",\"interactionId\":\"" + first.path("interactionId").asString() + "\"}");
                frank.await("connected", m -> true, WAIT);
                carol.send("{\"type\":\"presence\",\"state\":\"READY\"}");
                JsonNode second = carol.await("offer", m -> true, WAIT).path("customer");
                assertThat(second.path("customerName").asString()).as("the customer who waited second").contains("Smith");
                carol.send("{\"type\":\"accept\",\"interactionId\":\"" + second.path("interactionId").asString() + "\"}");
                carol.await("connected", m -> true, WAIT);
                failover.tell("connected");
                failover.await(Duration.ofMinutes(3));
                assertThat(failover.output()).as("node B log:\n" + b.output()).contains("TWO-NODE OK");
                assertThat(frank.seen()).as("Frank was never offered Smith").noneMatch(m -> m.path("type").asString().equals("offer")
                        && m.path("customer").path("interactionId").asString().equals(second.path("interactionId").asString()));
                assertThat(carol.seen()).as("Carol was never offered Chan").noneMatch(m -> m.path("type").asString().equals("offer")
                        && m.path("customer").path("interactionId").asString().equals(first.path("interactionId").asString()));
            }
        }
        // Li hangs up: her BYE reaches node B (the Contact of its re-INVITE), which ends the call and Erin's phone
        sipCall.customerHangsUp();

        // node B, which took the call's media over, recorded the rest of it as the same recording continued: one
        // entry in the officer's search, the id node A started (its part is on A's disk), the gap marked; while node
        // A is down, verification says which part it could not check
        WebSession officer = WebSession.signIn(b.baseUrl(), "shen", "demo1234");
        String video = continuedOnTheSurvivorWithTheGapMarked(officer, a, b, "video");
        JsonNode continued = officer.json(200, "GET", "/api/compliance/recordings/" + video, null, PURPOSE);
        assertThat(continued.path("legs").size()).as("legs recorded after the gap").isGreaterThan(0);
        for (JsonNode leg : continued.path("legs")) {
            assertThat(officer.bytes("/api/compliance/recordings/" + video + "/media/" + leg.path("legId").asString()
                    + "?purpose=failover", PURPOSE).length).as("replay of leg " + leg.path("legId").asString())
                    .isGreaterThan(1000);
        }
        // Li's SIP call with Erin, carried on by node B: the same, with the customer's and the advisor's legs
        String voice = continuedOnTheSurvivorWithTheGapMarked(officer, a, b, "voice");
        assertThat(officer.json(200, "GET", "/api/compliance/recordings/" + voice, null, PURPOSE).path("legs").size())
                .as("the customer's and the advisor's legs after the gap").isEqualTo(2);
        return List.of(video, voice);
    }

    /**
     * The officer on node B finds one sealed recording of Li's call on {@code channel} whose timeline marks the gap
     * node A left, with the id node A started it under (node A's part is on its disk); node A being down, its
     * verification names part 1 as not checked instead of passing.
     */
    private static String continuedOnTheSurvivorWithTheGapMarked(WebSession officer, ServerProcess a, ServerProcess b,
                                                                  String channel) throws Exception {
        JsonNode continued = continuedRecording(officer, "li", channel);
        assertThat(continued).as("a sealed " + channel + " recording of Li's call on node B with the gap marked:\n"
                + b.output()).isNotNull();
        String id = continued.path("id").path("value").asString();
        assertThat(held(a, id) && held(b, id)).as("one recording, its parts on node A's and node B's disks").isTrue();
        assertThat(entriesOf(officer, channel, id)).as("one entry in the search").isEqualTo(1);
        assertThat(officer.json(200, "GET", "/api/compliance/recordings/" + id + "/timeline", null, PURPOSE).toString())
                .contains("recording continued as part 2");
        JsonNode partly = officer.json(200, "POST", "/api/compliance/recordings/" + id + "/verify", null, PURPOSE);
        assertThat(partly.path("ok").asBoolean()).as(partly.toString()).isFalse();
        assertThat(partly.path("reason").asString()).as("node A is down")
                .startsWith("part 1 (recorded on node " + a.baseUrl() + ") could not be checked");
        return id;
    }

    /**
     * Node A back (its part of each continued recording sealed as interrupted by its start-up recovery): the officer on
     * node B still finds one entry per call, replays its timeline with node A's part, the gap, then node B's, and the
     * legs of both parts, verifies the whole, each part on its node and the link between them, and puts it on legal
     * hold, every part.
     */
    /** The lines of a node's log that name the recording or its cluster view, or warn. */
    private static String logAbout(ServerProcess node, String id) {
        return node.output().lines().filter(l -> l.contains(id) || l.contains("cluster") || l.contains(" WARN ")
                || l.contains(" ERROR ") || l.contains("recover")).limit(200).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static List<String> timelineTexts(WebSession officer, String id) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        officer.json(200, "GET", "/api/compliance/recordings/" + id + "/timeline", null, PURPOSE)
                .forEach(e -> texts.add(e.path("text").asString()));
        return texts;
    }

    private static void wholeRecordingsVerifyOnceTheDeadNodeIsBack(ServerProcess a, ServerProcess b, List<String> ids)
            throws Exception {
        WebSession officer = WebSession.signIn(b.baseUrl(), "shen", "demo1234");
        for (String id : ids) {
            // node B asks the nodes that say they are alive in Redis: node A is among them a moment after it is healthy
            List<String> texts;
            try {
                texts = await("node A's part is back in node B's view")
                        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> timelineTexts(officer, id), t -> t.contains("recording started"));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("node A's part of " + id + " is not in node B's timeline " + timelineTexts(officer, id)
                        + "\nnode A's log:\n" + logAbout(a, id) + "\nnode B's log:\n" + logAbout(b, id), e);
            }
            int gap = texts.stream().filter(t -> t.startsWith("gap:")).findFirst().map(texts::indexOf).orElse(-1);
            assertThat(gap).as("the gap is marked in " + texts).isGreaterThan(0);
            assertThat(texts.subList(0, gap)).as("node A's part before the gap").contains("recording started");
            assertThat(texts.subList(gap, texts.size())).as("node B's part after it")
                    .anyMatch(t -> t.startsWith("recording continued as part 2"));
            JsonNode whole = officer.json(200, "POST", "/api/compliance/recordings/" + id + "/verify", null, PURPOSE);
            assertThat(whole.path("ok").asBoolean()).as(whole.toString()).isTrue();
            assertThat(whole.path("reason").asString()).startsWith("ok: 2 parts").contains("continues part 1");

            // the legs of both parts (node B's named <leg>-part2), each replayed from the node holding it
            JsonNode legs = officer.json(200, "GET", "/api/compliance/recordings/" + id + "/legs", null, PURPOSE);
            List<String> names = new java.util.ArrayList<>();
            legs.forEach(l -> names.add(l.path("legId").asString()));
            assertThat(names).as("legs of both parts").anyMatch(n -> n.endsWith("-part2"))
                    .anyMatch(n -> !n.endsWith("-part2"));
            for (JsonNode leg : legs) {
                if (leg.path("segments").asInt() > 0) {
                    assertThat(officer.bytes("/api/compliance/recordings/" + id + "/media/" + leg.path("legId").asString()
                            + "?purpose=failover", PURPOSE).length).as("replay of leg " + leg.path("legId").asString())
                            .isGreaterThan(1000);
                }
            }

            // a legal hold on the recording holds both parts, each on its node
            assertThat(officer.send("PUT", "/api/compliance/recordings/" + id + "/legal-hold",
                    "{\"hold\":true,\"reason\":\"complaint about the dropped call\"}", PURPOSE).statusCode()).isEqualTo(204);
            assertThat(officer.json(200, "GET", "/api/compliance/recordings/" + id, null, PURPOSE).path("legalHold")
                    .asBoolean()).as("on hold: every part").isTrue();
        }
    }

    private static long entriesOf(WebSession officer, String channel, String id) throws Exception {
        long n = 0;
        for (JsonNode r : officer.json(200, "GET", "/api/compliance/recordings?customer=li&channel=" + channel, null,
                PURPOSE)) {
            n += r.path("id").path("value").asString().equals(id) ? 1 : 0;
        }
        return n;
    }

    /**
     * Every line the phone customer writes to node B is relayed to node A (the advisor may be there), yet the
     * assistant answers each line once: only the node the customer wrote to answers. "Talk to a person" queues the
     * phone customer like a web chat customer; the advisor on node A is offered the chat, and their lines reach the
     * phone as SIP MESSAGE and the customer's reach the console.
     */
    private static String phoneCustomerGetsOneAnswerPerLineAndChatsWithTheAdvisorOnTheOtherNode(
            Phone phone, ConsoleSocket david, ServerProcess a, ServerProcess b) throws Exception {
        david.await("desk", m -> true, WAIT);
        phone.say("The shop refused my card twice today, what is going on?");
        phone.awaitLine("assistant", "declined");
        phone.say("I would like to talk to a person please");
        david.send("{\"type\":\"presence\",\"state\":\"READY\"}");
        String interaction = david.await("offer", m -> true, WAIT).path("customer").path("interactionId").asString();
        david.send("{\"type\":\"accept\",\"interactionId\":\"" + interaction + "\"}");
        david.await("connected", m -> m.path("customer").path("interactionId").asString().equals(interaction), WAIT);

        david.send(chat(interaction, "Hello, this is David. I can see the two refused payments."));
        phone.awaitLine("advisor", "this is David");
        phone.say("Thank you David, what should I do?");
        david.await("chat", m -> m.path("speaker").asString().equals("CUSTOMER")
                && m.path("text").asString().equals("Thank you David, what should I do?"), WAIT);
        david.send(chat(interaction, "I have lifted the block, please try again."));
        phone.awaitLine("advisor", "lifted the block");

        assertThat(phone.linesFrom("assistant"))
                .as("one answer to the card question, one hand-off line, nothing once David is there:\n"
                        + phone.log() + "\nnode A:\n" + a.output() + "\nnode B:\n" + b.output())
                .hasSize(2);
        assertThat(phone.linesFrom("advisor")).hasSize(2);
        return interaction;
    }

    /**
     * The video call of the first phase was recorded by one node (its media home). A compliance officer signed in on
     * the other node finds it, replays every leg, verifies and exports it: the segments are fetched from the node that
     * holds them. The access is in the audit trail of the node the officer used, and an officer of another region
     * neither finds the call nor may verify it.
     */
    private static void complianceOfficerOnTheOtherNodeFindsReplaysVerifiesAndExportsTheVideoCall(ServerProcess a, ServerProcess b)
            throws Exception {
        JsonNode seenFromB = SipJourneyTest.sealedRecording(WebSession.signIn(b.baseUrl(), "shen", "demo1234"), "li", PURPOSE);
        assertThat(seenFromB).as("node B's compliance search finds the video call:\n" + a.output() + "\n" + b.output()).isNotNull();
        String id = seenFromB.path("id").path("value").asString();
        ServerProcess holder = held(a, id) ? a : b;
        ServerProcess officersNode = holder == a ? b : a;
        assertThat(held(holder, id) && !held(officersNode, id)).as("the call's segments are on one node only").isTrue();

        WebSession officer = WebSession.signIn(officersNode.baseUrl(), "shen", "demo1234");
        JsonNode found = SipJourneyTest.sealedRecording(officer, "li", PURPOSE);
        assertThat(found).as("found from the node that did not record it").isNotNull();
        assertThat(found.path("id").path("value").asString()).isEqualTo(id);
        JsonNode verification = officer.json(200, "POST", "/api/compliance/recordings/" + id + "/verify", null, PURPOSE);
        assertThat(verification.toString()).as("integrity checked on the node that holds it").contains("\"ok\":true");
        assertThat(found.path("legs").size()).as("legs of the video call").isGreaterThan(0);
        for (JsonNode leg : found.path("legs")) {
            byte[] media = officer.bytes("/api/compliance/recordings/" + id + "/media/" + leg.path("legId").asString()
                    + "?purpose=two-node", PURPOSE);
            assertThat(media.length).as("replay of leg " + leg.path("legId").asString()).isGreaterThan(1000);
        }
        var export = officer.send("POST", "/api/compliance/recordings/" + id + "/export",
                "{\"reason\":\"complaint across nodes\"}", PURPOSE);
        assertThat(export.statusCode()).as("export: " + export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("X-Package-SHA256")).isPresent();

        String audit = officer.json(200, "GET", "/api/compliance/audit?recording=" + id, null, PURPOSE).toString();
        assertThat(audit).as("audited on the node the officer used").contains("VERIFY").contains("REPLAY")
                .contains("EXPORT").contains("shen").contains("held by node");

        WebSession otherRegion = WebSession.signIn(officersNode.baseUrl(), "connie", "demo1234");
        assertThat(otherRegion.json(200, "GET", "/api/compliance/recordings?customer=li", null, PURPOSE).toString())
                .as("a Shenzhen call is not found by a Hong Kong and Macau officer").doesNotContain(id);
        assertThat(otherRegion.send("POST", "/api/compliance/recordings/" + id + "/verify", null, PURPOSE).statusCode())
                .isEqualTo(403);
    }

    /** The sealed recording of the customer's call on {@code channel} whose timeline marks a gap left by a dead media node, if any. */
    private static JsonNode continuedRecording(WebSession officer, String customer, String channel) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode r : officer.json(200, "GET", "/api/compliance/recordings?customer=" + customer + "&channel="
                    + channel, null, PURPOSE)) {
                String id = r.path("id").path("value").asString();
                if ("SEALED".equals(r.path("state").asString()) && officer.json(200, "GET",
                        "/api/compliance/recordings/" + id + "/timeline", null, PURPOSE).toString().contains("media-node-died")) {
                    return r;
                }
            }
            Thread.sleep(500);
        }
        return null;
    }

    /**
     * Before node A dies: each recording it makes has a sealed segment on disk (it publishes its chain head to Redis
     * after each; segments are 2 s long here), so part 1 of each continued recording holds something to replay and to
     * link part 2 to. What was said since the last segment is the gap.
     */
    private static void everyRecordingOnNodeAHasASegmentOnDisk(RedisServerProcess redis, ServerProcess a) throws Exception {
        try (RedisClient client = RedisClient.create(java.net.URI.create(redis.uri()))) {
            await("every recording on node A has a segment on disk").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        List<String[]> ofA = client.keys("mvtm:recording-chain:*").stream().map(client::get)
                                .filter(java.util.Objects::nonNull).map(v -> v.split("\n", -1))
                                .filter(f -> f.length == 5 && f[4].equals(a.baseUrl())).toList();
                        return !ofA.isEmpty() && ofA.stream().allMatch(f -> Integer.parseInt(f[2]) > 0);
                    });
        }
    }

    private static boolean held(ServerProcess node, String recording) {
        return Files.isDirectory(node.dataDir.resolve("recordings").resolve("recordings").resolve(recording));
    }

    /** A console reconnecting after its node died: it tries again until the surviving node answers. */
    private static ConsoleSocket reconnect(WebSession session, ServerProcess node) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                return ConsoleSocket.open(session, "/ws/agent");
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the console could not reconnect to " + node.baseUrl() + ":\n" + node.output()
                            + "\nthreads:\n" + threads(node), e);
                }
            }
        }
    }

    private static String threads(ServerProcess node) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(node.pid()), "Thread.print").redirectErrorStream(true).start();
            return new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        }
    }

    private static String chat(String interaction, String text) {
        return "{\"type\":\"chat\",\"interactionId\":\"" + interaction + "\",\"text\":\"" + text + "\"}";
    }

    /** Smith's phone: SIPp sends each line (customer-message.xml), another SIPp takes the replies (phone-messages.xml). */
    private record Phone(Path dir, ServerProcess server, int port, Process receiver, Path logFile) implements AutoCloseable {
        static Phone start(Path dir, ServerProcess server) throws Exception {
            int port = ServerProcess.freeUdpPort();
            Path log = dir.resolve("phone.log");
            Process receiver = SipJourneyTest.sipp(dir, "phone", SipJourneyTest.scenario(dir, "phone-messages.xml", dir),
                    "-p", String.valueOf(port), "-trace_logs", "-log_file", log.toString(),
                    "127.0.0.1:" + server.sipPort);
            return new Phone(dir, server, port, receiver, log);
        }

        void say(String text) throws Exception {
            Path fields = dir.resolve("line.csv");
            Files.writeString(fields, "SEQUENTIAL\nsmith;" + port + ";" + text + "\n");
            Process line = SipJourneyTest.sipp(dir, "line", SipJourneyTest.scenario(dir, "customer-message.xml", dir),
                    "-inf", fields.toString(), "-s", "cards", "-au", "smith", "-ap", "phone-smith-1234", "-m", "1",
                    "-p", String.valueOf(ServerProcess.freeUdpPort()), "127.0.0.1:" + server.sipPort);
            assertThat(line.waitFor(60, TimeUnit.SECONDS) && line.exitValue() == 0)
                    .as("the MESSAGE '" + text + "' was accepted:\n" + SipJourneyTest.read(dir.resolve("line.out"))
                            + SipJourneyTest.read(dir.resolve("line.err")))
                    .isTrue();
        }

        void awaitLine(String sender, String containing) throws Exception {
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                if (linesFrom(sender).stream().anyMatch(l -> l.contains(containing))) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the phone got no " + sender + " line with '" + containing + "':\n" + log()
                    + "\n" + server.output());
        }

        List<String> linesFrom(String sender) {
            String prefix = "CHAT " + sender + " ";
            return log().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(l.indexOf(" | ") + 3)).toList();
        }

        String log() {
            return SipJourneyTest.read(logFile);
        }

        @Override
        public void close() {
            receiver.destroy();
        }
    }

    /** Node B starts once node A is healthy (A has seeded the demo into the shared database by then). */
    private static ServerProcess awaitHealthyThenStart(ServerProcess a, java.util.concurrent.Callable<ServerProcess> b)
            throws Exception {
        a.awaitHealthy(Duration.ofSeconds(180));
        return b.call();
    }

    private static ServerProcess node(Path dir, String id, RedisServerProcess redis, DatabaseSettings db) throws Exception {
        // no public URL: pages reach a node directly or through the front door, and a WebSocket is accepted from the
        // origin the browser used (the Host header); a bank sets contact.public-url to its load balancer's URL
        return ServerProcess.startNode(dir, id, redis, SECRET, ServerProcess.onDatabase(db, "--contact.public-url=",
                "--contact.recording.segment-length=2s"));
    }
}
