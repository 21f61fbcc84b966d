package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 finding 10, against the real server: behind a TLS-terminating proxy the cookies are Secure and HSTS is
 * sent; health details and metrics are not anonymous; a WebSocket is accepted only from the public URL's origin,
 * whatever Host header the client sends; an unknown page is a 404 without a stack trace in the log; error bodies do
 * not name the server's classes.
 */
@Tag("slow")
@ExtendWith(SharedDemoServer.class)
class DeploymentHardeningTest {
    static ServerProcess server;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void server(ServerProcess shared) {
        server = shared;
    }

    @Test
    void behindTlsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        // the proxy talks plain HTTP to the server; a cookie jar would hold back Secure cookies, so they go by hand
        HttpResponse<Void> form = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());
        List<HttpCookie> given = form.headers().allValues("Set-Cookie").stream()
                .flatMap(c -> HttpCookie.parse(c).stream()).toList();
        String csrf = given.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElseThrow();
        String cookieHeader = String.join("; ", given.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        HttpResponse<Void> login = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                .header("X-Forwarded-Proto", "https").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookieHeader)
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=demo1234&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).as("signed in (status " + login.statusCode() + ")")
                .hasValueSatisfying(l -> assertThat(l).startsWith("https://").doesNotContain("error"));
        List<String> setCookies = new java.util.ArrayList<>(form.headers().allValues("Set-Cookie"));
        setCookies.addAll(login.headers().allValues("Set-Cookie"));
        assertThat(setCookies).as("cookies set over TLS").anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent()
                .hasValueSatisfying(v -> assertThat(v).contains("max-age="));

        HttpResponse<Void> plain = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("plain HTTP (no proxy)").isEmpty();
    }

    @Test
    void healthDetailsAndMetricsNeedASignedInAdministrator() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("sipHealth").doesNotContain("components");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);

        WebSession admin = WebSession.signIn(server.baseUrl(), "admin", "demo1234");
        assertThat(admin.send("GET", "/actuator/health", null).body()).contains("sipHealth").contains("recordingHealth");
        HttpResponse<String> metrics = admin.send("GET", "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("mvtm_routing_waiting");
    }

    @Test
    void aWebSocketFromAnotherOriginIsRefusedWhateverHostItClaims() throws Exception {
        WebSession chan = WebSession.signIn(server.baseUrl(), "chan", "demo1234");
        String session = chan.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
        assertThat(handshake(session, "evil.example", "http://evil.example")).as("Host matches the forged Origin")
                .contains(" 403");
        assertThat(handshake(session, "127.0.0.1:" + server.httpPort, server.baseUrl())).as("the public URL")
                .contains(" 101");
    }

    @Test
    void anUnknownPageIsA404WithoutAStackTraceInTheLog() throws Exception {
        WebSession alice = WebSession.signIn(server.baseUrl(), "alice", "demo1234");
        int logBefore = server.output().length();
        HttpResponse<String> page = alice.send("GET", "/no-such-page", null, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("org.mvtm").doesNotContain("Exception");
        WebSession chan = WebSession.signIn(server.baseUrl(), "chan", "demo1234");
        HttpResponse<String> missing = chan.send("GET", "/api/customer/conversations/no-such-conversation", null,
                "Accept", "text/html");
        assertThat(missing.statusCode()).as("an API error asked for as a page").isEqualTo(404);
        HttpResponse<String> badInput = chan.send("POST", "/api/customer/conversations", "{\"language\": [1]}",
                "Accept", "text/html");
        assertThat(badInput.statusCode()).as("bad input asked for as a page").isEqualTo(400);
        assertThat(alice.send("GET", "/compliance", null, "Accept", "text/html").statusCode()).isEqualTo(403);
        Thread.sleep(500); // the log is written by the server process
        assertThat(server.output().substring(logBefore)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void errorBodiesDoNotNameTheServersClasses() throws Exception {
        WebSession chan = WebSession.signIn(server.baseUrl(), "chan", "demo1234");
        HttpResponse<String> bad = chan.send("POST", "/api/customer/conversations", "{\"language\": [1, 2]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> worse = chan.send("POST", "/api/customer/conversations", "{\"language\": ");
        assertThat(worse.statusCode()).isEqualTo(400);
        for (HttpResponse<String> r : List.of(bad, worse)) {
            assertThat(r.body()).doesNotContain("org.mvtm").doesNotContain("tools.jackson").doesNotContain("java.")
                    .doesNotContain("$");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A raw WebSocket handshake (the JDK client may not set Host); the status line. */
    private static String handshake(String session, String host, String origin) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.httpPort)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /ws/customer HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Origin: " + origin + "\r\nCookie: JSESSIONID=" + session + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
