package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mvtm.core.id.AgentId;
import org.mvtm.web.agent.AdvisorNotices;
import org.mvtm.web.api.WebSessionStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * A cluster's web sessions are Spring Session's (the server keeps them in Redis), which the servlet container knows
 * nothing of, so it does not close the WebSockets of a session that ends: the console sockets follow their browser
 * session all the same. Signing out in one tab closes the console socket of every tab, also after the same advisor
 * signed in again (a new session id, and her socket stays open as hers); another advisor signing in closes it; and a
 * session that ends where this node does not see it (another node, the store's expiry) closes it within two sweeps.
 */
@SpringBootTest(classes = {WebTestApplication.class, ConsoleSocketsOfSharedSessionsTest.SharedSessions.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSocketsOfSharedSessionsTest {
    @LocalServerPort
    int port;
    @Autowired
    AdvisorNotices notices;
    @Autowired
    MapSessionRepository sessions;

    @TestConfiguration(proxyBeanMethods = false)
    @EnableSpringHttpSession
    static class SharedSessions {
        @Bean
        MapSessionRepository sessionRepository() {
            return new MapSessionRepository(new ConcurrentHashMap<>());
        }

        /** What the nodes share (Redis in a cluster; here the map every test request goes through). */
        @Bean
        WebSessionStore sharedStore(MapSessionRepository sessions) {
            return ids -> ids.stream().filter(id -> sessions.findById(id) != null).collect(Collectors.toSet());
        }
    }

    @Test
    void signingOutClosesTheConsoleSocketOfEveryTabEvenAfterTheSameAdvisorSignedInAgain() throws Exception {
        Browserless desk = Browserless.signedIn(port, "ada");
        Browserless.Socket console = SocketSteps.console(desk);
        String firstSession = desk.cookie("SESSION");
        assertThat(desk.login("ada", WebTestApplication.PASSWORD)).endsWith("/");
        assertThat(desk.cookie("SESSION")).isNotEqualTo(firstSession);
        notices.send(AgentId.of("agent-ada"), Map.of("type", "notice", "text", "still hers"));
        console.next("\"still hers\"");

        assertThat(desk.json("POST", "/logout", null, true).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));

        assertThat(console.closedByServer()).isEqualTo("4409 SIGNED_OUT");
    }

    @Test
    void anotherAdvisorSigningInClosesTheConsoleSocket() throws Exception {
        Browserless desk = Browserless.signedIn(port, "ada");
        Browserless.Socket console = SocketSteps.console(desk);

        assertThat(desk.login("bo", WebTestApplication.PASSWORD)).endsWith("/");

        assertThat(console.closedByServer()).isEqualTo("4409 SIGNED_IN_USER_CHANGED");
    }

    /**
     * Another node signed the browser out or someone else in (the session under the old id is gone from the shared
     * store), or the store let it expire: this node did not see it, and closes the socket when it next looks.
     */
    @Test
    void aSessionEndedWhereThisNodeDidNotSeeItClosesTheConsoleSocket() throws Exception {
        Browserless desk = Browserless.signedIn(port, "ada");
        Browserless.Socket console = SocketSteps.console(desk);

        sessions.deleteById(new String(Base64.getDecoder().decode(desk.cookie("SESSION")), StandardCharsets.UTF_8));

        assertThat(console.closedByServer()).isEqualTo("4409 SESSION_ENDED");
    }
}
