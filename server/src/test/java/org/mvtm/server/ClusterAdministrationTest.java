package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.PostgresExtension;
import org.mvtm.admin.PostgresProcess;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.testing.RedisServerProcess;

/**
 * Two nodes sharing one redis-server and one PostgreSQL: an administrator's change made on node A (a new queue, a
 * new advisor) is seen by node B's routing and sign-in without a restart, relayed as AdministrationChanged. Then
 * Redis stops answering for a moment: a signed-in page gets the product's "try again" page, style sheet and all.
 */
@Tag("peer")
@ExtendWith(PostgresExtension.class)
class ClusterAdministrationTest {
    private static final String SECRET = "two-node-test-secret-0123456789";

    @Test
    void aChangeMadeOnOneNodeIsLiveOnTheOtherAndPagesSayWhenTheSessionStoreIsDown(@TempDir Path dir, PostgresProcess postgres) throws Exception {
        Files.createDirectories(dir.resolve("redis"));
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            DatabaseSettings db = postgres.newDatabase();
            try (ServerProcess a = node(dir.resolve("a"), "node-a", redis, db)) {
                a.awaitHealthy(Duration.ofSeconds(180));
                BankSetupOnPostgresTest.anonymous(a.baseUrl()).json(201, "POST", "/api/admin/bootstrap",
                        "{\"token\":\"" + a.bootstrapToken() + "\",\"username\":\"root\",\"password\":\"first-admin-pass-9\"}");
                try (ServerProcess b = node(dir.resolve("b"), "node-b", redis, db)) {
                    b.awaitHealthy(Duration.ofSeconds(180));
                    WebSession rootA = WebSession.signIn(a.baseUrl(), "root", "first-admin-pass-9");
                    WebSession rootB = WebSession.signIn(b.baseUrl(), "root", "first-admin-pass-9");
                    assertThat(WebSession.signInFails(b.baseUrl(), "nina", "tea-garden-41")).isTrue();

                    long changed = System.nanoTime();
                    rootA.json(201, "POST", "/api/admin/queues",
                            "{\"id\":\"fx-desk\",\"names\":{\"en\":\"FX desk\"},\"product\":\"product.fx\"}");
                    rootA.json(201, "POST", "/api/admin/users",
                            "{\"username\":\"nina\",\"roles\":[\"ADVISOR\"],\"regions\":[\"HK\"],\"password\":\"tea-garden-41\"}");
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    boolean seen = false;
                    while (!seen && System.nanoTime() < deadline) {
                        String board = rootB.json(200, "GET", "/api/supervisor/snapshot", null).toString();
                        seen = board.contains("\"fx-desk\"") && board.contains("\"nina\"")
                                && !WebSession.signInFails(b.baseUrl(), "nina", "tea-garden-41");
                        if (!seen) {
                            Thread.sleep(50);
                        }
                    }
                    long millis = Duration.ofNanos(System.nanoTime() - changed).toMillis();
                    System.out.println("node B saw node A's change after " + millis + " ms");
                    assertThat(seen).as("node B sees the queue and the advisor created on node A:\n" + b.output()).isTrue();

                    redis.restartAfter(() -> pagesSayTheServiceCannotOpenThemWhileTheSessionStoreIsDown(rootB));
                }
            }
        }
    }

    /**
     * Redis, which holds the web sessions, does not answer: a signed-in page request gets the product's page that
     * says to try again, with its style sheet and script (they need no session), not a framework page.
     */
    private static void pagesSayTheServiceCannotOpenThemWhileTheSessionStoreIsDown(WebSession signedIn) {
        try {
            HttpResponse<String> page = signedIn.send("GET", "/admin", null, "Accept", "text/html");
            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains("The service could not open this page", "/css/app.css", "/js/error-page.js")
                    .doesNotContain("Whitelabel");
            for (String asset : new String[] {"/css/app.css", "/js/error-page.js", "/js/i18n.js", "/i18n/en.json"}) {
                assertThat(signedIn.send("GET", asset, null, "Accept", "*/*").statusCode()).as(asset).isEqualTo(200);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ServerProcess node(Path dir, String id, RedisServerProcess redis, DatabaseSettings db) throws Exception {
        return ServerProcess.startNode(dir, id, redis, SECRET, ServerProcess.onDatabase(db, "--contact.demo.enabled=false",
                "--contact.identity.second-factor.required=false"));
    }
}
