package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.mvtm.core.id.AgentId;
import org.mvtm.testing.LogCapture;
import org.mvtm.web.agent.AdvisorNotices;
import org.mvtm.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSecurityTest {
    @LocalServerPort
    int port;
    @Autowired
    AdvisorNotices notices;

    @Test
    void advisorCannotOpenSupervisorOrCompliancePagesOrApis() {
        Browserless advisor = new Browserless(port);
        assertThat(advisor.login("ada", WebTestApplication.PASSWORD)).endsWith("/");
        assertThat(advisor.get("/agent").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/supervisor", "/supervisor.html", "/compliance", "/compliance.html",
                "/api/compliance/recordings", "/api/supervisor/snapshot", "/api/compliance/audit", "/admin",
                "/admin.html", "/api/admin/users"}) {
            assertThat(advisor.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(advisor.postJson("/api/compliance/recordings/any/export", "{\"reason\":\"curious\"}").statusCode())
                .isEqualTo(403);
    }

    /** Issue 15 finding 5: a 403 outside /api/compliance (which goes to the recording audit) is in the log. */
    @Test
    void aRefusalOutsideComplianceIsASecurityEventInTheLog() {
        Browserless advisor = Browserless.signedIn(port, "ada");
        List<ILoggingEvent> events;
        try (LogCapture security = LogCapture.of("mvtm.security")) {
            assertThat(advisor.get("/api/supervisor/snapshot").statusCode()).isEqualTo(403);
            assertThat(advisor.json("POST", "/api/agent/interactions/i-1/pci-pause", "{\"paused\":true}", false)
                    .statusCode()).as("no CSRF token").isEqualTo(403);
            events = security.lines();
        }
        assertThat(events).extracting(e -> e.getKeyValuePairs().stream()
                        .filter(kv -> !kv.key.equals("source.ip") && !kv.key.equals("event.reason"))
                        .map(kv -> kv.key + "=" + kv.value).toList())
                .contains(List.of("event.action=access-denied", "event.outcome=failure", "user.name=ada",
                                "url.path=/api/supervisor/snapshot", "http.request.method=GET"),
                        List.of("event.action=access-denied", "event.outcome=failure", "user.name=ada",
                                "url.path=/api/agent/interactions/i-1/pci-pause", "http.request.method=POST"));
    }

    /**
     * A shared desk: Ada's console is open in one tab when Bo signs in in another tab of the same browser (one
     * session cookie). What Ada's tab asks or does afterwards is refused before it is done, so nothing is done as Bo
     * from a page that shows Ada (the page then goes to Bo's console); Bo's own tab and clients that name no page user go on.
     */
    @Test
    void aTabOpenedForOneAdvisorIsRefusedOnceAnotherSignsInInTheSameBrowser() {
        Browserless browser = Browserless.signedIn(port, "ada");
        assertThat(browser.get("/api/agent/supervisor-notes", "X-Mvtm-Page-User", "ada").statusCode()).isEqualTo(200);

        assertThat(browser.login("bo", WebTestApplication.PASSWORD)).endsWith("/");
        HttpResponse<String> poll = browser.get("/api/agent/supervisor-notes", "X-Mvtm-Page-User", "ada");
        assertThat(poll.statusCode()).isEqualTo(409);
        assertThat(poll.headers().firstValue("X-Mvtm-Signed-In-User")).hasValue("bo");
        assertThat(poll.body()).contains("\"error\":\"SIGNED_IN_USER_CHANGED\"", "\"field\":\"X-Mvtm-Page-User\"")
                .doesNotContain("ada");
        HttpResponse<String> action = browser.send("POST", "/api/agent/interactions/i-1/pci-pause",
                "{\"paused\":true,\"reason\":\"card number\"}", "X-Mvtm-Page-User", "ada");
        assertThat(action.statusCode()).as(action.body()).isEqualTo(409);

        assertThat(browser.get("/api/me", "X-Mvtm-Page-User", "bo").body()).contains("\"username\":\"bo\"");
        assertThat(browser.get("/api/me").body()).contains("\"username\":\"bo\"");
    }

    /**
     * A signed-in user who opens a console not for their role, or an address that leads nowhere, gets a page of the
     * product (in their language once its script runs) with the way to their own console, not the framework's error
     * page; an API client still gets JSON.
     */
    /**
     * A shared desk, the race: the server closes Ada's console socket as Bo signs in, and Ada's tab can ask for
     * {@code /} (where a closed socket sends it) or call the API with Ada's session cookie before the browser has
     * stored Bo's. Those requests are answered as nobody's without starting a session, so no new session cookie
     * replaces Bo's and Bo stays signed in. A page opened before signing in is still where the sign-in leads.
     */
    @Test
    void aRequestWithTheSessionCookieOfBeforeAnotherSignInDoesNotSignTheNewUserOut() {
        Browserless desk = Browserless.signedIn(port, "ada");
        String adas = desk.cookie("JSESSIONID");
        assertThat(desk.login("bo", WebTestApplication.PASSWORD)).endsWith("/");
        Browserless adasTab = new Browserless(port);
        for (String[] request : new String[][] {{"/", "text/html,*/*;q=0.8"}, {"/api/agent/supervisor-notes", "*/*"},
                {"/api/me", "application/json"}, {"/ws/agent", "*/*"}}) {
            HttpResponse<String> stale = adasTab.send(HttpRequest.newBuilder(URI.create(adasTab.base() + request[0]))
                    .header("Cookie", "JSESSIONID=" + adas).header("Accept", request[1]).GET().build());
            assertThat(stale.statusCode()).as(request[0]).isIn(302, 401);
            assertThat(stale.headers().allValues("Set-Cookie")).as(request[0])
                    .noneMatch(c -> c.startsWith("JSESSIONID="));
        }
        assertThat(desk.get("/api/me").body()).contains("\"username\":\"bo\"");

        Browserless deepLink = new Browserless(port);
        assertThat(deepLink.get("/agent").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/login"));
        assertThat(deepLink.login("ada", WebTestApplication.PASSWORD)).contains("/agent");
    }

    /**
     * A shared desk, over the socket: Ada's console socket is open when Bo signs in in another tab of the same browser.
     * The server closes Ada's socket at once (4409, the page goes to {@code /}), so nothing meant for Ada reaches that
     * tab and nothing is sent from it as Ada; the close is a security event in the log.
     */
    @Test
    void aConsoleSocketOpenedForOneAdvisorIsClosedOnceAnotherSignsInInTheSameBrowser() throws Exception {
        Browserless desk = Browserless.signedIn(port, "ada");
        Browserless.Socket console = SocketSteps.console(desk);
        notices.send(AgentId.of("agent-ada"), Map.of("type", "notice", "text", "before"));
        console.next("\"before\"");
        List<ILoggingEvent> events;
        try (LogCapture security = LogCapture.of("mvtm.security")) {
            assertThat(desk.login("bo", WebTestApplication.PASSWORD)).endsWith("/");

            assertThat(console.closedByServer()).isEqualTo("4409 SIGNED_IN_USER_CHANGED");
            events = security.lines();
        }
        notices.send(AgentId.of("agent-ada"), Map.of("type", "notice", "text", "after"));
        Thread.sleep(300);
        assertThat(console.unread()).noneMatch(m -> m.contains("\"after\""));
        assertThat(events).extracting(e -> e.getKeyValuePairs().stream().map(kv -> kv.key + "=" + kv.value)
                        .toList())
                .contains(List.of("event.action=socket-user-changed", "event.outcome=success",
                        "event.reason=SIGNED_IN_USER_CHANGED", "user.name=bo", "mvtm.socket.user=ada",
                        "url.path=/ws/agent"));
        // Bo's own console in the same browser opens as Bo and stays open
        Browserless.Socket bos = desk.socket("/ws/agent");
        assertThat(bos.next("\"desk\"")).contains("agent-bo");
        bos.close();
    }

    @Test
    void aConsoleNotForYourRoleOrAMistypedAddressShowsAPageWithTheWayToYourOwnConsole() {
        Browserless advisor = Browserless.signedIn(port, "ada");
        HttpResponse<String> compliance = advisor.get("/compliance");
        assertThat(compliance.statusCode()).isEqualTo(403);
        assertThat(compliance.body()).contains("This page is not for your account", "Go to your console",
                "/js/error-page.js").doesNotContain("Whitelabel");
        HttpResponse<String> mistyped = advisor.get("/agnet");
        assertThat(mistyped.statusCode()).isEqualTo(404);
        assertThat(mistyped.body()).contains("There is no such page", "Go to your console").doesNotContain("Whitelabel");
        HttpResponse<String> api = advisor.get("/api/supervisor/snapshot", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).doesNotContain("<html");
    }

    @Test
    void rootSendsEachRoleToItsOwnConsole() {
        Browserless advisor = Browserless.signedIn(port, "ada");
        assertThat(advisor.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/agent");
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        assertThat(officer.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/compliance");
        assertThat(officer.get("/agent").statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin").statusCode()).isEqualTo(403);
        Browserless admin = Browserless.signedIn(port, "root");
        assertThat(admin.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        assertThat(admin.get("/supervisor").statusCode()).isEqualTo(200);
    }

    @Test
    void theFirstAdministratorPageOpensWithoutSignInButTheAdminConsoleDoesNot() {
        Browserless anonymous = new Browserless(port);
        assertThat(anonymous.get("/setup").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/admin").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anonymousPageVisitGoesToLoginAndApiCallGets401() {
        Browserless anonymous = new Browserless(port);
        HttpResponse<String> page = anonymous.get("/agent");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void unauthenticatedWebSocketIsRefused() {
        Browserless anonymous = new Browserless(port);
        for (String path : new String[] {"/ws/customer", "/ws/agent", "/ws/supervisor"}) {
            assertThatThrownBy(() -> anonymous.socket(path))
                    .as(path)
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
        }
    }

    @Test
    void webSocketFromAForeignOriginIsRefusedEvenWhenSignedIn() {
        Browserless customer = Browserless.signedIn(port, "chan");
        assertThatThrownBy(() -> customer.openSocket("/ws/customer", "http://evil.example").join())
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> customer.openSocket("/ws/customer", null).join())
                .cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void customerCannotOpenTheAdvisorSocket() {
        Browserless customer = Browserless.signedIn(port, "chan");
        assertThatThrownBy(() -> customer.socket("/ws/agent"))
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void pagesCarryStrictSecurityHeaders() {
        HttpResponse<String> login = new Browserless(port).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void postWithoutCsrfTokenIsRejected() throws Exception {
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        java.net.http.HttpClient raw = java.net.http.HttpClient.newHttpClient();
        String cookie = "JSESSIONID=" + officer.cookie("JSESSIONID");
        for (String path : new String[] {"/logout", "/api/compliance/recordings/any/export"}) {
            HttpResponse<String> response = raw.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(officer.base() + path))
                    .header("Cookie", cookie).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"no token given\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(officer.get("/logout").statusCode()).as("GET never logs out").isNotEqualTo(302);
        assertThat(officer.get("/api/me").statusCode()).as("still signed in").isEqualTo(200);
    }
}
