package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.testing.RedisServerProcess;

/**
 * Two nodes on one real redis-server, a customer's phone (SIPp) chatting over SIP MESSAGE with node A and a web advisor
 * signed in on node B. Every customer line is relayed to node B (the advisor may be there), yet the assistant answers
 * each line once: only the node the customer wrote to answers. "Talk to a person" queues the phone customer like a web
 * chat customer; the advisor on node B is offered the chat, and their lines reach the phone as SIP MESSAGE and the
 * customer's reach the console. Then node B is killed (-9) under Alice's console: web sessions live in Redis, so her
 * console reconnects to node A signed in and the chat goes on. Run it alone with: ./mvnw -pl server verify -Dit.test=ClusterConversationsTest
 */
@Tag("peer")
class ClusterConversationsTest {
    private static final String SECRET = "two-node-test-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aPhoneCustomerOnNodeAGetsOneAnswerPerLineAndChatsWithAnAdvisorOnNodeB(@TempDir Path dir) throws Exception {
        for (String sub : List.of("a", "b", "phone")) {
            Files.createDirectories(dir.resolve(sub));
        }
        try (RedisServerProcess redis = RedisServerProcess.start();
             ServerProcess a = node(dir.resolve("a"), "node-a", redis);
             ServerProcess b = node(dir.resolve("b"), "node-b", redis)) {
            a.awaitHealthy(Duration.ofMinutes(5));
            b.awaitHealthy(Duration.ofMinutes(5));
            Phone phone = Phone.start(dir.resolve("phone"), a);
            WebSession signedInOnB = WebSession.signIn(b.baseUrl(), "alice", "demo1234");
            try (ConsoleSocket alice = ConsoleSocket.open(signedInOnB, "/ws/agent")) {
                alice.await("desk", m -> true, WAIT);

                phone.say("The shop refused my card twice today, what is going on?");
                phone.awaitLine("assistant", "declined");
                phone.say("I would like to talk to a person please");
                alice.send("{\"type\":\"presence\",\"state\":\"READY\"}");
                String interaction = alice.await("offer", m -> true, WAIT).path("customer").path("interactionId").asString();
                alice.send("{\"type\":\"accept\",\"interactionId\":\"" + interaction + "\"}");
                alice.await("connected", m -> m.path("customer").path("interactionId").asString().equals(interaction), WAIT);

                alice.send(chat(interaction, "Hello, this is Alice. I can see the two refused payments."));
                phone.awaitLine("advisor", "this is Alice");
                phone.say("Thank you Alice, what should I do?");
                alice.await("chat", m -> m.path("speaker").asString().equals("CUSTOMER")
                        && m.path("text").asString().equals("Thank you Alice, what should I do?"), WAIT);
                alice.send(chat(interaction, "I have lifted the block, please try again."));
                phone.awaitLine("advisor", "lifted the block");

                assertThat(phone.linesFrom("assistant"))
                        .as("one answer to the card question, one hand-off line, nothing once Alice is there:\n"
                                + phone.log() + "\nnode A:\n" + a.output() + "\nnode B:\n" + b.output())
                        .hasSize(2);
                assertThat(phone.linesFrom("advisor")).hasSize(2);

                // node B dies (kill -9) under Alice's console; her web session lives in Redis, so the console
                // reconnects to node A signed in and she carries on with the same customer
                b.kill();
                b.awaitExit(WAIT);
                WebSession onA = new WebSession(signedInOnB.http(), signedInOnB.cookies(), a.baseUrl());
                assertThat(onA.json(200, "GET", "/api/me", null).toString()).as("signed in at node A").contains("alice");
                try (ConsoleSocket again = ConsoleSocket.open(onA, "/ws/agent")) {
                    again.await("desk", m -> true, WAIT);
                    again.send(chat(interaction, "Are you still there?"));
                    phone.awaitLine("advisor", "still there");
                }
            } finally {
                phone.close();
            }
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

    private static ServerProcess node(Path dir, String id, RedisServerProcess redis) throws Exception {
        return ServerProcess.start(dir, "--contact.node-id=" + id, "--contact.redis.url=" + redis.uri(),
                "--contact.cluster.secret=" + SECRET, "--contact.media.port-min=0", "--contact.media.port-max=0");
    }
}
