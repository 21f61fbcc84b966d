package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.testing.LogCapture;
import org.mvtm.web.api.CustomerTokenSettings;
import org.mvtm.web.customer.WebConversation;
import org.mvtm.web.customer.WebConversations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A bank's app presents its identity provider's signed JWT on the customer chat API and socket: the token is checked
 * against the provider's JWKS (fetched over HTTP), and the claims become the customer. Expired, forged, foreign or
 * mis-addressed tokens get 401 naming what is wrong, and nothing is created.
 */
@SpringBootTest(classes = {WebTestApplication.class, CustomerTokenTest.BankSettings.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerTokenTest {
    static final BankIdentityProvider BANK = new BankIdentityProvider();
    private static final String API = "/api/customer/conversations";

    @TestConfiguration(proxyBeanMethods = false)
    static class BankSettings {
        @Bean
        CustomerTokenSettings customerTokenSettings() {
            return new CustomerTokenSettings(BankIdentityProvider.ISSUER, BankIdentityProvider.AUDIENCE,
                    BANK.jwksUrl(), "", Duration.ofSeconds(30), CustomerTokenSettings.Claims.defaults(), false);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    WebConversations conversations;
    private final HttpClient app = HttpClient.newHttpClient();

    @AfterAll
    static void stopBank() {
        BANK.close();
    }

    @Test
    void appWithTheBanksTokenChatsAsTheCustomerItNames() throws Exception {
        String token = BANK.sign("C-880021", Instant.now(), c -> c);
        HttpResponse<String> opened = post(API, token, "{}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = opened.body().replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1");
        assertThat(opened.body()).as("language from the token's locale zh-HK").contains("\"language\":\"yue\"");

        WebConversation conversation = conversations.all().stream().filter(c -> c.id().value().equals(id))
                .findFirst().orElseThrow();
        assertThat(conversation.customer().id().value()).isEqualTo("c-880021");
        assertThat(conversation.customer().displayName()).isEqualTo("Wong Siu Ming");
        assertThat(conversation.customer().tier()).isEqualTo(CustomerTier.VIP);
        assertThat(conversation.customer().region()).isEqualTo(Region.HK);
        assertThat(conversation.language()).isEqualTo(Language.YUE);

        HttpResponse<String> said = post(API + "/" + id + "/messages", token, "{\"text\":\"my card was declined\"}");
        assertThat(said.statusCode()).as("no CSRF token needed with a bearer token").isEqualTo(202);
        assertThat(get(API + "/" + id, token).statusCode()).isEqualTo(200);
        assertThat(get(API + "/" + id, BANK.sign("C-999999", Instant.now(), c -> c)).statusCode())
                .as("another customer's token does not reach this conversation").isEqualTo(404);
        assertThat(get(API + "/" + id, null).statusCode()).as("no token, no session").isEqualTo(401);
        assertThat(get("/demo-identity/.well-known/jwks.json", null).statusCode())
                .as("no demo issuer outside demo mode").isEqualTo(404);
    }

    @Test
    void socketHandshakeCarriesTheTokenAndTheCustomerIsWelcomed() throws Exception {
        String token = BANK.sign("C-880022", Instant.now(), c -> c.claim("locale", "en").claim("tier", "PREMIER"));
        Browserless browser = new Browserless(port);
        Browserless.Socket socket = browser.socket("/ws/customer?access_token=" + token);
        socket.send("{\"type\":\"hello\",\"language\":\"en\"}");
        assertThat(socket.next("welcome")).contains("\"language\":\"en\"");
        socket.close();
    }

    @Test
    void expiredTokenIsRefusedWith401SayingSoAndNothingIsCreated() throws Exception {
        int before = conversations.all().size();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = BANK.sign("C-880023", anHourAgo, c -> c);
        HttpResponse<String> refused = post(API, expired, "{}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_token").contains("expired at");
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");

        Browserless browser = new Browserless(port);
        assertThatThrownBy(() -> browser.openSocket("/ws/customer?access_token=" + expired, browser.base()).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
        assertThat(conversations.all()).as("no conversation for a refused token").hasSize(before);
    }

    /** Issue 15 finding 9: a name from the bank's token is shown on every console, so it is bounded (400, the claim). */
    @Test
    void anOverlongNameOrIdInTheTokenIsRefusedNamingTheClaim() throws Exception {
        int before = conversations.all().size();
        HttpResponse<String> longName = post(API, BANK.sign("C-78", Instant.now(), c -> c.claim("name", "N".repeat(201))), "{}");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("\"field\":\"name\"").contains("at most 200");
        HttpResponse<String> longId = post(API, BANK.sign("C".repeat(101), Instant.now(), c -> c), "{}");
        assertThat(longId.statusCode()).isEqualTo(400);
        assertThat(longId.body()).contains("\"field\":\"sub\"");
        assertThat(conversations.all()).as("nothing kept of a refused token").hasSize(before);
        assertThat(post(API, BANK.sign("C-78", Instant.now(), c -> c.claim("name", "N".repeat(200))), "{}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void aRefusedTokenIsASecurityEventInTheLog() throws Exception {
        List<ILoggingEvent> events;
        try (LogCapture security = LogCapture.of("mvtm.security")) {
            assertThat(post(API, BANK.forge("C-77", Instant.now()), "{}").statusCode()).isEqualTo(401);
            events = security.lines();
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("customer token refused").contains("signature does not verify");
            assertThat(e.getKeyValuePairs()).anySatisfy(kv -> assertThat(kv.key + "=" + kv.value)
                    .isEqualTo("event.action=token-refused"));
        });
    }

    @Test
    void forgedForeignOrMisaddressedTokensAreRefusedNamingTheProblem() throws Exception {
        int before = conversations.all().size();
        Instant now = Instant.now();
        assertRefused(BANK.forge("C-1", now), "signature does not verify");
        assertRefused(BANK.sign("C-1", now, c -> c.issuer("https://evil.example")),
                "issuer (claim 'iss') is 'https://evil.example'");
        assertRefused(BANK.sign("C-1", now, c -> c.audience("another-app")), "audience (claim 'aud')");
        assertRefused(BANK.sign("C-1", now, c -> c.notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))),
                "not valid before");
        assertRefused(BANK.sign("C-1", now, c -> c.claim("region", null)), "lacks the claim 'region'");
        assertRefused(BANK.sign("C-1", now, c -> c.claim("tier", "PLATINUM")), "claim 'tier'");
        assertRefused(BANK.sign("C-1", now, c -> c.claim("locale", "fr")), "claim 'locale'");
        assertRefused("not-a-jwt", "not a signed JWT");
        assertThat(conversations.all()).hasSize(before);
    }

    private void assertRefused(String token, String reason) throws IOException, InterruptedException {
        HttpResponse<String> refused = post(API, token, "{}");
        assertThat(refused.statusCode()).as(reason).isEqualTo(401);
        assertThat(refused.body()).as(reason).contains(reason);
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return app.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return app.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }
}
