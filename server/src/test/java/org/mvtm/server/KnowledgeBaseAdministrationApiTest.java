package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The FAQ knowledge base managed over {@code /api/admin/knowledge-base} on the real server: an administrator
 * uploads Cantonese and English FAQs, previews them, publishes, and a customer already chatting is answered from the
 * new version without a restart; a CSV with a broken row is refused with 400 naming the row and column, and the
 * knowledge base in service keeps answering.
 */
@Tag("slow")
class KnowledgeBaseAdministrationApiTest {
    static final String KB = "/api/admin/knowledge-base";
    /** The safe deposit box FAQ an administrator adds to the English knowledge base: answered with "HKD 600". */
    static final String SAFE_BOX_EN = """
            safe_box,en,How do I rent a safe deposit box?,"Safe deposit boxes are available at 12 branches from HKD 600 a year. Book one in the app under More > Safe deposit box.",general
            safe_box,en,Can I get a safe deposit box at a branch?,,
            safe_box,en,What does a safe deposit box cost per year?,,
            """;
    private static final String SAFE_BOX_YUE = """
            safe_box,yue,點樣租保險箱？,12間分行有保險箱，每年港幣600起。喺App「更多 > 保險箱」預約。,general
            safe_box,yue,分行有冇保險箱租？,,
            safe_box,yue,租保險箱一年幾錢？,,
            """;

    @Test
    void anAdminPublishesCantoneseAndEnglishFaqsAndACustomerAlreadyChattingIsAnsweredFromThemWithoutARestart(
            @TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir)) {
            server.awaitHealthy(Duration.ofSeconds(90));
            WebSession admin = WebSession.signIn(server.baseUrl(), "admin", "demo1234");
            WebSession smith = WebSession.signIn(server.baseUrl(), "smith", "demo1234");
            assertThat(smith.send("GET", KB + "/en", null).statusCode()).as("a customer is no administrator").isEqualTo(403);

            String smithChat = CustomerChatApiTest.open(smith, "en");
            assertThat(CustomerChatApiTest.ask(smith, smithChat, "I'd like to rent a safe deposit box")).doesNotContain("HKD 600");

            String en = admin.send("GET", KB + "/en", null).body();
            String yue = admin.send("GET", KB + "/zh-Hant", null).body();
            assertThat(yue).startsWith("faq_id,language,question,answer,product").contains("點樣");
            JsonNode uploaded = json(admin.sendBody("PUT", KB + "/yue", "text/csv", bytes(yue + SAFE_BOX_YUE)), 200);
            assertThat(uploaded.path("faqs").asInt()).isGreaterThanOrEqualTo(71);
            json(admin.sendBody("PUT", KB + "/en", "text/csv", bytes(en + SAFE_BOX_EN)), 200);

            JsonNode preview = admin.json(200, "POST", KB + "/preview",
                    "{\"questions\":[\"I'd like to rent a safe deposit box\",\"我想租個保險箱\"]}");
            for (JsonNode answer : preview.path("answers")) {
                assertThat(answer.path("kind").asString()).as(answer.toString()).isEqualTo("ANSWER");
                assertThat(answer.path("faqId").asString()).isEqualTo("safe_box");
                assertThat(answer.path("handoff").asBoolean()).isFalse();
                assertThat(answer.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.5);
            }
            assertThat(preview.path("answers").get(1).path("language").asString()).isEqualTo("yue");
            assertThat(CustomerChatApiTest.ask(smith, smithChat, "What does a safe deposit box cost?"))
                    .as("nothing is live before publishing").doesNotContain("HKD 600");

            JsonNode published = admin.json(200, "POST", KB + "/publish", null);
            assertThat(published.path("version").asInt()).isEqualTo(1);
            assertThat(published.path("publishedBy").asString()).isEqualTo("admin");
            assertThat(published.path("changed").valueStream().map(JsonNode::asString)).containsExactly("en", "yue");

            assertThat(CustomerChatApiTest.ask(smith, smithChat, "I'd like to rent a safe deposit box"))
                    .as("the same conversation, answered from the new version").contains("HKD 600");
            WebSession chan = WebSession.signIn(server.baseUrl(), "chan", "demo1234");
            String chanChat = CustomerChatApiTest.open(chan, "yue");
            assertThat(CustomerChatApiTest.ask(chan, chanChat, "我想租個保險箱")).contains("港幣600");

            // a broken row: refused with the row and the column, nothing changes
            String broken = en + SAFE_BOX_EN.replace("HKD 600", "HKD 900")
                    + "card_lost,en,My card is gone,,cards\n";
            int brokenRow = (int) broken.lines().count();
            var refused = admin.sendBody("PUT", KB + "/en", "text/csv", bytes(broken));
            JsonNode error = json(refused, 400);
            assertThat(error.path("message").asString()).contains("row " + brokenRow + ", column faq_id: duplicate id card_lost");
            assertThat(error.path("problems").get(0).path("row").asInt()).isEqualTo(brokenRow);
            assertThat(error.path("problems").get(0).path("column").asString()).isEqualTo("faq_id");
            JsonNode validation = json(admin.sendBody("POST", KB + "/en/validate", "text/csv", bytes(broken)), 200);
            assertThat(validation.path("valid").asBoolean()).isFalse();
            assertThat(admin.send("GET", KB + "/en?draft=true", null).statusCode()).as("no draft kept").isEqualTo(404);
            assertThat(admin.json(409, "POST", KB + "/publish", null).path("message").asString())
                    .contains("nothing to publish");
            assertThat(CustomerChatApiTest.ask(smith, smithChat, "What does a safe deposit box cost per year?"))
                    .as("the published version still answers").contains("HKD 600");

            var tooLarge = admin.sendBody("PUT", KB + "/en", "text/csv", new byte[4 * 1024 * 1024 + 1]);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            // a client that sends the whole file before it reads (twice the limit: more than Tomcat's default 2 MB
            // of a refused body it reads and discards, and more than the sockets' buffers hold) is told, not reset
            assertThat(admin.sendWholeBodyThenRead("PUT", KB + "/en", "text/csv", new byte[8 * 1024 * 1024]))
                    .startsWith("HTTP/1.1 413").contains("the CSV is larger than 4 MiB (8388608 bytes)");
            assertThat(admin.json(400, "GET", KB + "/fr", null).path("message").asString())
                    .contains("language must be en, zh");

            JsonNode versions = admin.json(200, "GET", KB + "/versions", null);
            assertThat(versions.path("current").asInt()).isEqualTo(1);
            assertThat(versions.path("versions").get(0).path("publishedBy").asString()).isEqualTo("admin");
            JsonNode restored = admin.json(200, "POST", KB + "/versions/0/restore", null);
            assertThat(restored.path("version").asInt()).isEqualTo(2);
            assertThat(restored.path("restoredFrom").asInt()).isEqualTo(0);
            assertThat(admin.send("GET", KB + "/en", null).body()).doesNotContain("safe_box");
            assertThat(admin.json(404, "POST", KB + "/versions/9/restore", null).path("message").asString())
                    .contains("no knowledge-base version 9");
            assertThat(java.nio.file.Files.readString(server.log)).contains("knowledge base version 1 published by admin")
                    .contains("knowledge base version 2 published by admin (restoring version 0)");
        }
    }

    private static JsonNode json(java.net.http.HttpResponse<String> res, int status) {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        return WebSession.JSON.readTree(res.body());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
