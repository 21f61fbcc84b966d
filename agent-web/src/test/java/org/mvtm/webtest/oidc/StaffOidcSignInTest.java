package org.mvtm.webtest.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.testing.FreePorts;
import org.mvtm.web.api.StaffOidcSettings;
import org.mvtm.web.api.WebRole;
import org.mvtm.webtest.WebTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff sign in through a real OpenID Connect provider (Spring Authorization Server in this JVM, on its own port):
 * the authorization-code flow is walked as a browser would, following redirects and posting the provider's login
 * form. Roles and regions come from the ID token's groups and regions; a user without the compliance group gets
 * 403 on the compliance API; a user whose groups map to no role is refused.
 */
class StaffOidcSignInTest {
    private static ConfigurableApplicationContext provider;
    private static ConfigurableApplicationContext contactCenter;
    private static String base;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startProviderAndContactCenter() throws IOException {
        int port = FreePorts.tcp();
        base = "http://127.0.0.1:" + port;
        provider = BankAuthorizationServer.start(base + "/login/oauth2/code/" + StaffOidcSettings.REGISTRATION_ID);
        StaffOidcSettings settings = new StaffOidcSettings(BankAuthorizationServer.issuer(provider),
                BankAuthorizationServer.CLIENT_ID, BankAuthorizationServer.CLIENT_SECRET, "Bank staff login",
                null, "groups", Map.of("cc-compliance", WebRole.COMPLIANCE, "cc-supervisor", WebRole.SUPERVISOR),
                "regions", Set.of(), null);
        contactCenter = new SpringApplicationBuilder(WebTestApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("staffOidcSettings", settings))
                .properties("server.port=" + port, "server.address=127.0.0.1", "spring.main.banner-mode=off").run();
    }

    @AfterAll
    static void stop() {
        if (contactCenter != null) {
            contactCenter.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void complianceOfficerSignsInAtTheBanksProviderWithRoleAndRegionFromTheToken() throws Exception {
        Staff olivia = new Staff();
        assertThat(olivia.signIn("olivia")).isEqualTo(base + "/");
        JsonNode me = json.readTree(olivia.get("/api/me").body());
        assertThat(me.toString()).contains("COMPLIANCE").contains("HK").doesNotContain("SUPERVISOR");
        assertThat(olivia.get("/api/compliance/audit").statusCode()).isEqualTo(200);
        assertThat(olivia.get("/api/compliance/recordings?region=SZ").statusCode())
                .as("SZ is not in her token's regions").isEqualTo(403);
    }

    @Test
    void supervisorFromTheProviderGets403OnComplianceApi() throws Exception {
        Staff adam = new Staff();
        assertThat(adam.signIn("adam")).isEqualTo(base + "/");
        assertThat(adam.get("/api/compliance/audit").statusCode()).isEqualTo(403);
        assertThat(adam.get("/api/compliance/recordings").statusCode()).isEqualTo(403);
        assertThat(adam.get("/api/supervisor/snapshot").statusCode()).isEqualTo(200);
        assertThat(json.readTree(adam.get("/api/me").body()).toString()).contains("SZ").contains("MO");
    }

    @Test
    void providerUserWithNoMappedGroupIsRefusedAndNotSignedIn() throws Exception {
        Staff visitor = new Staff();
        assertThat(visitor.signIn("visitor")).isEqualTo(base + "/login?error=oidc");
        assertThat(visitor.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void loginPageOffersTheProvider() throws Exception {
        assertThat(new Staff().get("/login/providers").body())
                .contains("\"oidc\":true").contains("/oauth2/authorization/bank").contains("Bank staff login");
        assertThat(contactCenter.getBean(StaffOidcSettings.class).defaultRegions()).doesNotContain(Region.HK);
    }

    /** A browser: keeps cookies per host, follows redirects by hand, fills the provider's login form. */
    private static final class Staff {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Walks the sign-in from the contact center's link to where it ends; returns that URL. */
        String signIn(String username) throws IOException, InterruptedException {
            URI at = URI.create(base + "/oauth2/authorization/bank");
            for (int hop = 0; hop < 12; hop++) {
                HttpResponse<String> page = send(HttpRequest.newBuilder(at).header("Accept", "text/html").GET());
                if (page.statusCode() == 200 && page.body().contains("name=\"password\"")) {
                    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                            .matcher(page.body());
                    String token = csrf.find() ? (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : "";
                    String form = "username=" + enc(username) + "&password=" + enc(BankAuthorizationServer.PASSWORD)
                            + "&_csrf=" + enc(token);
                    page = send(HttpRequest.newBuilder(at.resolve("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
                }
                String location = page.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new AssertionError("sign-in stopped at " + at + " with " + page.statusCode() + ": "
                            + page.body().substring(0, Math.min(300, page.body().length())));
                }
                at = at.resolve(location);
                if (at.toString().startsWith(base) && !at.getPath().startsWith("/login/oauth2/")
                        && !at.getPath().startsWith("/oauth2/")) {
                    return at.toString();
                }
            }
            throw new AssertionError("too many redirects");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            // compliance calls state a purpose; other endpoints ignore the header
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("X-Purpose", "sign-in check").GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
