package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.testing.RedisServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes sharing a real redis-server and one knowledge-base archive, each with its own index: a version an
 * administrator publishes on node A answers customers on node B, and a restore on node B is served on node A.
 */
@Tag("peer")
class KnowledgeBaseAcrossNodesTest {
    private static final String SECRET = "kb-two-node-secret-0123456789";
    private static final String KB = KnowledgeBaseAdministrationApiTest.KB;

    @Test
    void aVersionPublishedOnOneNodeIsServedOnTheOtherAndARestoreComesBack(@TempDir Path dir) throws Exception {
        for (String d : new String[] {"redis", "a", "b", "kb"}) {
            Files.createDirectories(dir.resolve(d));
        }
        try (RedisServerProcess redis = RedisServerProcess.start();
             ServerProcess a = node(dir.resolve("a"), "node-a", redis, dir.resolve("kb"));
             ServerProcess b = node(dir.resolve("b"), "node-b", redis, dir.resolve("kb"))) {
            a.awaitHealthy(Duration.ofSeconds(180));
            b.awaitHealthy(Duration.ofSeconds(180));
            WebSession adminA = WebSession.signIn(a.baseUrl(), "admin", "demo1234");
            WebSession adminB = WebSession.signIn(b.baseUrl(), "admin", "demo1234");

            String en = adminA.send("GET", KB + "/en", null).body();
            var put = adminA.sendBody("PUT", KB + "/en", "text/csv", (en + KnowledgeBaseAdministrationApiTest.SAFE_BOX_EN).getBytes(StandardCharsets.UTF_8));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            assertThat(adminA.json(200, "POST", KB + "/publish", null).path("version").asInt()).isEqualTo(1);

            awaitVersion(adminB, 1, b);
            WebSession smithOnB = WebSession.signIn(b.baseUrl(), "smith", "demo1234");
            assertThat(ask(smithOnB, "I'd like to rent a safe deposit box")).as("answered on node B").contains("HKD 600");

            assertThat(adminB.json(200, "POST", KB + "/versions/0/restore", null).path("version").asInt()).isEqualTo(2);
            awaitVersion(adminA, 2, a);
            WebSession smithOnA = WebSession.signIn(a.baseUrl(), "smith", "demo1234");
            assertThat(ask(smithOnA, "I'd like to rent a safe deposit box")).as("restored on node A").doesNotContain("HKD 600");
        }
    }

    private static void awaitVersion(WebSession admin, int version, ServerProcess node) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = admin.json(200, "GET", KB + "/versions", null);
            if (last.path("current").asInt() == version) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("version " + version + " never in service; last " + last + "\n" + node.output());
    }

    /** Opens a new English conversation, says {@code text} and returns the bot's answer. */
    private static String ask(WebSession s, String text) throws Exception {
        return CustomerChatApiTest.ask(s, CustomerChatApiTest.open(s, "en"), text);
    }

    private static ServerProcess node(Path dir, String id, RedisServerProcess redis, Path archive) throws Exception {
        return ServerProcess.startNode(dir, id, redis, SECRET, "--contact.knowledge-base.archive-dir=" + archive);
    }
}
