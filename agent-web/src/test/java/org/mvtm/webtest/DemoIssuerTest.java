package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mvtm.web.api.CustomerTokenSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode's built-in issuer: a demo customer who signed in on the demo page gets a signed token, and that token
 * alone (no session cookie) opens the chat through the same checks a bank's token goes through.
 */
@SpringBootTest(classes = {WebTestApplication.class, DemoIssuerTest.DemoMode.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoIssuerTest {
    @TestConfiguration(proxyBeanMethods = false)
    static class DemoMode {
        @Bean
        CustomerTokenSettings customerTokenSettings() {
            return CustomerTokenSettings.demo();
        }
    }

    @LocalServerPort
    int port;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void signedInDemoCustomerGetsATokenThatAloneOpensTheChat() throws Exception {
        Browserless chan = Browserless.signedIn(port, "chan");
        HttpResponse<String> issued = chan.postJson("/demo-identity/token", "{}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = json.readTree(issued.body()).path("token").asString();

        HttpClient app = HttpClient.newHttpClient();
        HttpResponse<String> opened = app.send(HttpRequest.newBuilder(URI.create(chan.base() + "/api/customer/conversations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).as("Chan's Cantonese comes from the token").contains("\"language\":\"yue\"");

        Browserless socketOnly = new Browserless(port);
        Browserless.Socket socket = socketOnly.socket("/ws/customer?access_token=" + token);
        socket.send("{\"type\":\"hello\",\"language\":\"yue\"}");
        assertThat(socket.next("welcome")).contains("\"language\":\"yue\"");
        socket.close();

        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> refused = app.send(HttpRequest.newBuilder(URI.create(chan.base() + "/api/customer/conversations"))
                .header("Authorization", "Bearer " + tampered).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("signature");
    }

    @Test
    void issuerPublishesItsKeyAndSignsForCustomersOnly() throws Exception {
        JsonNode jwks = json.readTree(new Browserless(port).get("/demo-identity/.well-known/jwks.json").body());
        assertThat(jwks.path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(jwks.path("keys").get(0).has("d")).as("never the private part").isFalse();

        Browserless advisor = Browserless.signedIn(port, "ada");
        assertThat(advisor.postJson("/demo-identity/token", "{}").statusCode()).isEqualTo(403);
        assertThat(new Browserless(port).postJson("/demo-identity/token", "{}").statusCode()).isEqualTo(401);
    }
}
