package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.PostgresProcess;
import org.mvtm.admin.api.DatabaseSettings;
import tools.jackson.databind.JsonNode;

/**
 * A bank sets itself up from an empty PostgreSQL database with the demo off: the first administrator comes in with
 * the one-time token the server printed, creates a queue, two advisors with skills and a compliance officer through
 * the REST API, and bad input changes nothing. The new people can sign in at once, routing knows the advisors and
 * the queue, and only the advisor given SIP credentials can register a phone.
 */
@Tag("peer")
class BankSetupOnPostgresTest {
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"");

    @Test
    void theBootstrapAdministratorSetsUpQueuesAdvisorsAndComplianceThroughTheApi(@TempDir Path dir) throws Exception {
        try (PostgresProcess postgres = PostgresProcess.start()) {
            DatabaseSettings db = postgres.newDatabase();
            try (ServerProcess server = ServerProcess.start(dir, "--contact.demo.enabled=false",
                    // the bootstrap admin signs in with the password alone here; SecondFactorSignInTest covers TOTP
                    "--contact.identity.second-factor.required=false",
                    "--contact.database.url=" + db.url(), "--contact.database.user=" + db.user(),
                    "--contact.database.password=" + db.password())) {
                server.awaitHealthy(Duration.ofSeconds(120));
                Matcher token = TOKEN.matcher(server.output());
                assertThat(token.find()).as("the first start prints a one-time token:\n" + server.output()).isTrue();
                assertThat(WebSession.signInFails(server.baseUrl(), "admin", "demo1234")).as("no demo logins").isTrue();

                WebSession anonymous = anonymous(server.baseUrl());
                String bootstrap = "{\"token\":\"%s\",\"username\":\"root\",\"password\":\"first-admin-pass-9\",\"regions\":[\"HK\",\"SZ\"]}";
                anonymous.json(400, "POST", "/api/admin/bootstrap", bootstrap.formatted("guessed-token"));
                anonymous.json(201, "POST", "/api/admin/bootstrap", bootstrap.formatted(token.group(1)));
                anonymous.json(400, "POST", "/api/admin/bootstrap", bootstrap.formatted(token.group(1)));

                WebSession root = WebSession.signIn(server.baseUrl(), "root", "first-admin-pass-9");
                root.json(201, "POST", "/api/admin/queues", """
                        {"id":"loans","names":{"en":"Loans","zh-Hans":"贷款","zh-Hant":"貸款"},"product":"product.loans",
                         "productMinLevel":4,"slaSeconds":30,"relaxation":[{"afterSeconds":60,"levelDrop":2}],
                         "openingHours":[{"dayOfWeek":1,"opens":"09:00","closes":"17:30"}],"outsideHours":"CALLBACK",
                         "wrapUpCodes":[{"code":"APPROVED","label":"Loan approved"}]}""");
                for (String advisor : new String[] {"ava", "ben"}) {
                    root.json(201, "POST", "/api/admin/users", """
                            {"username":"%s","roles":["ADVISOR"],"regions":["HK"],"language":"zh-Hant","password":"tea-garden-41"}"""
                            .formatted(advisor));
                }
                root.json(200, "PUT", "/api/admin/advisors/ava", "{\"skills\":[{\"skill\":\"lang.yue\",\"level\":9},"
                        + "{\"skill\":\"product.loans\",\"level\":8}],\"voiceCapacity\":1,\"videoCapacity\":1,\"chatCapacity\":3}");
                root.json(200, "PUT", "/api/admin/advisors/ben", "{\"skills\":[{\"skill\":\"lang.en\",\"level\":9},"
                        + "{\"skill\":\"product.loans\",\"level\":5}],\"chatCapacity\":2}");
                assertThat(root.send("PUT", "/api/admin/users/ava/sip", "{\"sipPassword\":\"phone-ava-5678\"}").statusCode()).isEqualTo(204);
                root.json(201, "POST", "/api/admin/users", """
                        {"username":"cora","displayName":"Cora Compliance","roles":["COMPLIANCE"],"regions":["HK"],"password":"river-stone-73"}""");
                int audited = root.json(200, "GET", "/api/admin/audit", null).size();

                JsonNode duplicate = root.json(400, "POST", "/api/admin/users",
                        "{\"username\":\"ava\",\"roles\":[\"SUPERVISOR\"],\"regions\":[\"HK\"],\"password\":\"other-pass-123\"}");
                JsonNode unknownSkill = root.json(400, "PUT", "/api/admin/advisors/ben",
                        "{\"skills\":[{\"skill\":\"lang.en\",\"level\":9},{\"skill\":\"product.mortgage\",\"level\":5}]}");
                JsonNode negativeSla = root.json(400, "POST", "/api/admin/queues",
                        "{\"id\":\"fast\",\"names\":{\"en\":\"Fast\"},\"product\":\"product.loans\",\"slaSeconds\":-5}");

                assertThat(duplicate.path("field").asString()).isEqualTo("username");
                assertThat(unknownSkill.path("field").asString()).isEqualTo("skills[1].skill");
                assertThat(unknownSkill.path("message").asString()).contains("product.mortgage");
                assertThat(negativeSla.path("field").asString()).isEqualTo("slaSeconds");
                assertThat(root.json(200, "GET", "/api/admin/audit", null).size()).as("nothing written").isEqualTo(audited);
                assertThat(root.json(200, "GET", "/api/admin/queues", null).valueStream().map(q -> q.path("id").asString()))
                        .containsExactly("loans");
                assertThat(root.json(200, "GET", "/api/admin/users/ava", null).path("roles").valueStream()
                        .map(JsonNode::asString)).containsExactly("ADVISOR");
                assertThat(root.json(200, "GET", "/api/admin/advisors/ben", null).path("skills").size()).isEqualTo(2);

                // the new people sign in at once; routing knows the queue and both advisors
                WebSession.signIn(server.baseUrl(), "ava", "tea-garden-41");
                WebSession cora = WebSession.signIn(server.baseUrl(), "cora", "river-stone-73");
                assertThat(cora.send("GET", "/api/compliance/recordings", null, "X-Purpose", "first-day check").statusCode()).isEqualTo(200);
                assertThat(cora.send("GET", "/api/admin/users", null).statusCode()).isEqualTo(403);
                String board = root.json(200, "GET", "/api/supervisor/snapshot", null).toString();
                assertThat(board).contains("\"loans\"", "\"ava\"", "\"ben\"");

                String refused = SipProbe.register(server.sipPort, "mvtm.local", "cora", "river-stone-73", Duration.ofSeconds(10));
                String webPassword = SipProbe.register(server.sipPort, "mvtm.local", "ava", "tea-garden-41", Duration.ofSeconds(10));
                String phone = SipProbe.register(server.sipPort, "mvtm.local", "ava", "phone-ava-5678", Duration.ofSeconds(10));
                assertThat(refused).startsWith("SIP/2.0 403 No SIP credentials for this user or wrong password");
                assertThat(webPassword).startsWith("SIP/2.0 403");
                assertThat(phone).startsWith("SIP/2.0 200");
            }
        }
    }

    static WebSession anonymous(String base) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        return new WebSession(http, cookies, base);
    }
}
