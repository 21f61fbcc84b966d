package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.PostgresExtension;
import org.mvtm.admin.PostgresProcess;
import org.mvtm.admin.api.DatabaseSettings;
import tools.jackson.databind.JsonNode;

/**
 * A bank sets itself up from an empty PostgreSQL database with the demo off: the first administrator comes in with
 * the one-time token the server printed, creates a queue, two advisors with skills and a compliance officer through
 * the REST API, and bad input changes nothing. The new people can sign in at once, routing knows the advisors and
 * the queue, and only the advisor given SIP credentials can register a phone.
 *
 * <p>Then the bank goes live: the administrator uploads Cantonese and English FAQs (a broken row first: refused
 * naming its row, nothing changes) and publishes them; customers of the bank's app, holding tokens its identity
 * provider signed (the server knows its public key), are answered from those FAQs in Cantonese, ask for a person and
 * are offered to ava (Cantonese, loans), never to ben (English); the VIP tier's routing weight as the administrator
 * sets it orders them; an expired or forged token is refused naming the problem; ava's wrap-up reaches compliance;
 * and a queue created through the API takes SIP callers at once and refuses them once deleted.
 *
 * <p>And when the database stops, the administrator who opens the console or the reports is told so in the page's
 * language.
 */
@Tag("peer")
@ExtendWith(PostgresExtension.class)
class BankSetupOnPostgresTest {
    @Test
    void theBootstrapAdministratorSetsUpQueuesAdvisorsAndComplianceThroughTheApi(@TempDir Path dir,
                                                                                 PostgresProcess postgres)
            throws Exception {
        try (ServerProcess server = bankServer(postgres, dir)) {
            WebSession root = setUpBank(server);
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
            WebSession.signInOnceLoaded(server.baseUrl(), "ava", "tea-garden-41");
            WebSession cora = WebSession.signInOnceLoaded(server.baseUrl(), "cora", "river-stone-73");
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

    /**
     * root has the admin console open when the database stops: opened again, the console is ready and says in the
     * page's language (Simplified Chinese) that the database does not answer, with no script error, and so does the
     * reports page; the wallboard shows each queue and says that today's figures cannot be read; once it answers again
     * the console lists the users, the reports page its rows and the wallboard today's figures. The browser steps are
     * in server/src/test/browser/admin-database-down.js.
     */
    @Test
    void anAdministratorWhoOpensTheConsoleWhileTheDatabaseIsDownIsToldSoInTheLanguageOfThePage(@TempDir Path dir,
            PostgresProcess postgres) throws Exception {
        try (ServerProcess server = bankServer(postgres, dir)) {
            setUpBank(server);
            adminConsoleWhileTheDatabaseIsDown(server, postgres);
        }
    }

    private static void adminConsoleWhileTheDatabaseIsDown(ServerProcess server, PostgresProcess postgres)
            throws Exception {
        BlockingQueue<String> said = new LinkedBlockingQueue<>();
        Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "ADMIN_USER", "root",
                "ADMIN_PASSWORD", "first-admin-pass-9",
                "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());
        try (NodeScript console = NodeScript.start("server/src/test/browser/admin-database-down.js", env, line -> {
            said.add(line);
            if (line.startsWith("ADMIN DATABASE OK")) {
                System.out.println("admin console with the database down: " + line);
            }
        })) {
            awaitLine(said, "SIGNED IN", console);
            postgres.restartAfter(() -> {
                try {
                    console.tell("down");
                    awaitLine(said, "DOWN SHOWN", console);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            console.tell("up");
            console.awaitPrinted("ADMIN DATABASE OK", Duration.ofMinutes(2), server.logDigest());
        }
    }

    private static void awaitLine(BlockingQueue<String> said, String line, NodeScript console)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String next = said.poll(1, TimeUnit.SECONDS);
            if (line.equals(next)) {
                return;
            }
            if (next != null && next.startsWith("ADMIN DATABASE FAILED")) {
                break;
            }
        }
        throw new AssertionError("the browser script never printed \"" + line + "\":\n" + console.output());
    }

    @Test
    void aCustomerWithTheBanksTokenIsAnsweredFromTheUploadedFaqsAndOfferedToTheCantoneseLoansAdvisor(@TempDir Path dir,
            PostgresProcess postgres) throws Exception {
        RSAKey bank = new RSAKeyGenerator(2048).keyID("bank-1").generate();
        Path publicKey = dir.resolve("bank-customers.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(bank.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        try (ServerProcess server = bankServer(postgres, dir, "--contact.identity.customer.public-key=" + publicKey,
                     "--contact.identity.customer.issuer=" + ISSUER, "--contact.identity.customer.audience=" + AUDIENCE)) {
            WebSession root = setUpBank(server);

            // the FAQs: a broken row first is refused naming its row and column, and nothing changes
            String brokenYue = LOANS_YUE + "loan_rate,yue,私人貸款利率幾多？,,loans\n";
            var refused = root.sendBody("PUT", KB + "/yue", "text/csv", brokenYue.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode problem = WebSession.JSON.readTree(refused.body()).path("problems").get(0);
            assertThat(problem.path("row").asInt()).isEqualTo((int) brokenYue.lines().count());
            assertThat(problem.path("column").asString()).isEqualTo("answer");
            assertThat(root.send("GET", KB + "/yue?draft=true", null).statusCode()).as("no draft kept").isEqualTo(404);
            assertThat(root.json(409, "POST", KB + "/publish", null).path("message").asString()).contains("nothing to publish");
            for (String[] upload : new String[][] {{"yue", LOANS_YUE}, {"en", LOANS_EN}}) {
                var uploaded = root.sendBody("PUT", KB + "/" + upload[0], "text/csv", upload[1].getBytes(StandardCharsets.UTF_8));
                assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            }
            assertThat(root.json(200, "POST", KB + "/publish", null).path("changed").valueStream().map(JsonNode::asString))
                    .containsExactly("en", "yue");

            // the bank's app: tokens the server cannot trust are refused naming the problem, and create nothing
            Instant now = Instant.now();
            var expired = WebSession.bearer(server.baseUrl(), sign(bank, customer("c-1001", "STANDARD", now.minus(Duration.ofHours(1)))))
                    .send("POST", CHAT, "{}");
            var forged = WebSession.bearer(server.baseUrl(), sign(new RSAKeyGenerator(2048).keyID("bank-1").generate(),
                    customer("c-1001", "STANDARD", now))).send("POST", CHAT, "{}");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("customer token refused", "expired at");
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("signature does not verify");

            WebSession chan = WebSession.bearer(server.baseUrl(), sign(bank, customer("c-1001", "STANDARD", now)));
            JsonNode opened = chan.json(201, "POST", CHAT, "{}");
            String chanChat = opened.path("conversationId").asString();
            assertThat(opened.path("language").asString()).as("zh-HK in the token").isEqualTo("yue");
            CustomerChatApiTest.awaitLine(chan, chanChat, 0, "BOT");
            assertThat(CustomerChatApiTest.ask(chan, chanChat, "我想加按私人貸款，點樣申請？")).as("the uploaded Cantonese answer")
                    .contains(TOP_UP_ANSWER_YUE);
            chan.json(202, "POST", CHAT + "/" + chanChat + "/person", "{\"channel\":\"CHAT\"}");
            String chanInteraction = CustomerChatApiTest.awaitStatus(chan, chanChat, "QUEUED").path("interactionId").asString();

            // a VIP asks too: the VIP tier's routing weight, as the administrator sets it, orders the queue
            WebSession wong = WebSession.bearer(server.baseUrl(), sign(bank, customer("c-2002", "VIP", now)));
            String wongChat = wong.json(201, "POST", CHAT, "{}").path("conversationId").asString();
            CustomerChatApiTest.awaitLine(wong, wongChat, 0, "BOT");
            assertThat(CustomerChatApiTest.ask(wong, wongChat, "私人貸款可唔可以加按？")).contains(TOP_UP_ANSWER_YUE);
            wong.json(202, "POST", CHAT + "/" + wongChat + "/person", "{\"channel\":\"CHAT\"}");
            String wongInteraction = CustomerChatApiTest.awaitStatus(wong, wongChat, "QUEUED").path("interactionId").asString();
            root.json(200, "PUT", "/api/admin/vip-tiers/VIP", "{\"label\":\"VIP\",\"rank\":2,\"routingWeight\":0}");
            awaitPosition(wong, wongChat, 2);
            root.json(200, "PUT", "/api/admin/vip-tiers/VIP", "{\"label\":\"VIP\",\"rank\":2,\"routingWeight\":50}");
            awaitPosition(wong, wongChat, 1);
            assertThat(chan.json(200, "GET", CHAT + "/" + chanChat, null).path("position").asInt()).isEqualTo(2);

            // both advisors get ready; only ava speaks Cantonese: she is offered the VIP first, then chan
            WebSession ava = WebSession.signInOnceLoaded(server.baseUrl(), "ava", "tea-garden-41");
            WebSession ben = WebSession.signInOnceLoaded(server.baseUrl(), "ben", "tea-garden-41");
            try (ConsoleSocket benDesk = ConsoleSocket.open(ben, "/ws/agent");
                 ConsoleSocket avaDesk = ConsoleSocket.open(ava, "/ws/agent")) {
                benDesk.await("desk", m -> true, Duration.ofSeconds(10));
                avaDesk.await("desk", m -> true, Duration.ofSeconds(10));
                benDesk.send("{\"type\":\"presence\",\"state\":\"READY\"}");
                benDesk.await("presence", m -> m.path("state").asString().equals("READY"), Duration.ofSeconds(10));
                avaDesk.send("{\"type\":\"presence\",\"state\":\"READY\"}");
                JsonNode offer = avaDesk.await("offer", m -> true, Duration.ofSeconds(30));
                assertThat(offer.path("customer").path("interactionId").asString()).as("the VIP first").isEqualTo(wongInteraction);
                avaDesk.send("{\"type\":\"accept\",\"interactionId\":\"" + wongInteraction + "\"}");
                assertThat(avaDesk.await("offer", m -> true, Duration.ofSeconds(30)).path("customer").path("interactionId")
                        .asString()).isEqualTo(chanInteraction);
                JsonNode context = ava.json(200, "GET", "/api/agent/interactions/" + chanInteraction, null);
                assertThat(context.path("customerId").asString()).isEqualTo("c-1001");
                assertThat(context.path("queue").asString()).isEqualTo("loans");
                assertThat(ben.send("GET", "/api/agent/interactions/" + chanInteraction, null).statusCode())
                        .as("never offered to ben, who speaks no Cantonese").isEqualTo(403);

                // ava ends the VIP's chat and wraps up: the disposition is kept with the interaction for compliance
                avaDesk.send("{\"type\":\"hangup\",\"interactionId\":\"" + wongInteraction + "\"}");
                avaDesk.await("ended", m -> m.path("interactionId").asString().equals(wongInteraction), Duration.ofSeconds(20));
                avaDesk.send("{\"type\":\"wrapup\",\"code\":\"APPROVED\",\"notes\":\"top-up approved, 加按已批\"}");
                WebSession cora = WebSession.signInOnceLoaded(server.baseUrl(), "cora", "river-stone-73");
                assertThat(cora.send("GET", "/api/compliance/dispositions", null).statusCode()).as("no purpose stated").isEqualTo(400);
                JsonNode disposition = awaitJson(cora, "/api/compliance/interactions/" + wongInteraction + "/disposition");
                assertThat(disposition.path("code").asString()).isEqualTo("APPROVED");
                assertThat(disposition.path("notes").asString()).isEqualTo("top-up approved, 加按已批");
                assertThat(disposition.path("advisor").asString()).isEqualTo("ava");
                assertThat(cora.json(200, "GET", "/api/compliance/dispositions", null, PURPOSE).valueStream()
                        .map(d -> d.path("interactionId").asString())).containsExactly(wongInteraction);
            }

            // a queue created through the API takes SIP callers at once; deleted, it refuses them with the reason
            assertThat(SipProbe.inviteQueue(server.sipPort, "mvtm.local", "cards", Duration.ofSeconds(10)))
                    .startsWith("SIP/2.0 404 Not found (no such queue)");
            root.json(201, "POST", "/api/admin/queues", """
                    {"id":"cards","names":{"en":"Cards","zh-Hans":"信用卡","zh-Hant":"信用卡"},"product":"product.cards",
                     "slaSeconds":20}""");
            assertThat(awaitInvite(server, "cards", "SIP/2.0 407")).as("challenged for credentials: the queue exists").isTrue();
            assertThat(root.send("DELETE", "/api/admin/queues/cards", null).statusCode()).isEqualTo(204);
            assertThat(awaitInvite(server, "cards", "SIP/2.0 404 Not found (no such queue)")).isTrue();
        }
    }

    private static final String[] PURPOSE = {"X-Purpose", "complaint C-2026-118"};
    private static final String ISSUER = "https://login.bank.example";
    private static final String AUDIENCE = "contact-center";
    private static final String KB = "/api/admin/knowledge-base";
    private static final String CHAT = "/api/customer/conversations";
    private static final String TOP_UP_ANSWER_YUE = "私人貸款加按：喺App「貸款 > 加按」申請，最快兩個工作天批核。";
    private static final String LOANS_YUE = "faq_id,language,question,answer,product\n"
            + "loan_topup,yue,點樣申請私人貸款加按？," + TOP_UP_ANSWER_YUE + ",loans\n"
            + "loan_topup,yue,私人貸款可唔可以加按？,,\n"
            + "loan_topup,yue,我想增加私人貸款額,,\n";
    private static final String LOANS_EN = "faq_id,language,question,answer,product\n"
            + "loan_topup,en,How do I top up my personal loan?,\"Personal loan top-up: apply in the app under Loans > "
            + "Top up, approved in as little as two working days.\",loans\n"
            + "loan_topup,en,Can I borrow more on my personal loan?,,\n"
            + "loan_topup,en,I want to increase my personal loan,,\n";

    /** What the bank's app would carry for a signed-in customer, valid for ten minutes from {@code issued}. */
    private static JWTClaimsSet customer(String id, String tier, Instant issued) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(id)
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(Duration.ofMinutes(10))))
                .claim("name", "Customer " + id).claim("locale", "zh-HK").claim("region", "HK").claim("tier", tier)
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** Admin changes reach routing a moment after they are written. */
    private static void awaitPosition(WebSession s, String conversation, int position) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = s.json(200, "GET", CHAT + "/" + conversation, null);
            if (last.path("position").asInt() == position) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never at position " + position + "; last " + last);
    }

    /** The disposition is written a moment after the wrap-up. */
    private static JsonNode awaitJson(WebSession s, String path) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        var last = s.send("GET", path, null, PURPOSE);
        while (last.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = s.send("GET", path, null, PURPOSE);
        }
        assertThat(last.statusCode()).as(path + ": " + last.body()).isEqualTo(200);
        return WebSession.JSON.readTree(last.body());
    }

    private static boolean awaitInvite(ServerProcess server, String queue, String expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = SipProbe.inviteQueue(server.sipPort, "mvtm.local", queue, Duration.ofSeconds(10));
            if (last.startsWith(expected)) {
                return true;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("INVITE to " + queue + " never got " + expected + "; last\n" + last);
    }

    /** The server with the demo off on a new PostgreSQL database, accepting the bank's customer tokens. */
    private static ServerProcess bankServer(PostgresProcess postgres, Path dir, String... more) throws Exception {
        DatabaseSettings db = postgres.newDatabase();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--contact.demo.enabled=false",
                // the bootstrap admin signs in with the password alone here; SecondFactorSignInTest covers TOTP
                "--contact.identity.second-factor.required=false"));
        args.addAll(java.util.List.of(more));
        ServerProcess server = ServerProcess.start(dir, ServerProcess.onDatabase(db, args.toArray(String[]::new)));
        server.awaitHealthy(Duration.ofSeconds(120));
        return server;
    }

    /**
     * What the bank's first administrator does: signs in with the printed one-time token, creates the Cantonese-
     * speaking loans queue, ava (Cantonese, loans, with a desk phone) and ben (English, loans) and cora (compliance).
     */
    private static WebSession setUpBank(ServerProcess server) throws Exception {
        String token = server.bootstrapToken();
        assertThat(WebSession.signInFails(server.baseUrl(), "admin", "demo1234")).as("no demo logins").isTrue();

        WebSession anonymous = anonymous(server.baseUrl());
        String bootstrap = "{\"token\":\"%s\",\"username\":\"root\",\"password\":\"first-admin-pass-9\",\"regions\":[\"HK\",\"SZ\"]}";
        anonymous.json(400, "POST", "/api/admin/bootstrap", bootstrap.formatted("guessed-token"));
        anonymous.json(201, "POST", "/api/admin/bootstrap", bootstrap.formatted(token));
        anonymous.json(400, "POST", "/api/admin/bootstrap", bootstrap.formatted(token));

        WebSession root = WebSession.signInOnceLoaded(server.baseUrl(), "root", "first-admin-pass-9");
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
        return root;
    }

    static WebSession anonymous(String base) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        return new WebSession(http, cookies, base);
    }
}
