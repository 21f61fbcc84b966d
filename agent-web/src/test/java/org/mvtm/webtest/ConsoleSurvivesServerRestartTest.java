package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.testing.FreePorts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server restarts under a signed-in advisor: routing state lives outside the web node (as with the shared
 * Redis store), the HTTP session is persisted by Tomcat, and the console reconnects to its old state.
 */
class ConsoleSurvivesServerRestartTest {
    @Test
    void advisorConsoleReconnectsAfterRestartWithPresenceRestoredAndNoNewLogin() throws Exception {
        int port = FreePorts.tcp();
        Path sessions = Files.createTempDirectory("mvtm-sessions");
        Clock clock = Clock.systemUTC();
        EventBus events = new InProcessEventBus();
        RoutingEngine routing = new CommonTestBeans().routingEngine(clock, events);
        try {
            ConfigurableApplicationContext first = start(port, sessions, events, routing);
            Browserless advisor = Browserless.signedIn(port, "ada");
            Browserless.Socket console = SocketSteps.readyConsole(advisor);
            console.send("{\"type\":\"presence\",\"state\":\"NOT_READY\",\"reason\":\"training\"}");
            console.next("training");
            first.close();

            ConfigurableApplicationContext second = start(port, sessions, events, routing);
            try {
                Browserless.Socket again = Awaitility.await().ignoreExceptionsInstanceOf(CompletionException.class)
                        .until(() -> advisor.socket("/ws/agent"), s -> s != null);
                String desk = again.next("\"desk\"");
                assertThat(desk).contains("\"state\":\"NOT_READY\"").contains("training").contains("agent-ada");
                assertThat(advisor.get("/api/me").statusCode()).isEqualTo(200);
            } finally {
                second.close();
            }
        } finally {
            routing.close();
        }
    }

    private static ConfigurableApplicationContext start(int port, Path sessions, EventBus events, RoutingEngine routing)
            throws IOException {
        return new SpringApplicationBuilder(WebTestApplication.class)
                .properties("server.port=" + port, "server.servlet.session.persistent=true",
                        "server.servlet.session.store-dir=" + sessions)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("sharedEventBus", events);
                    ctx.getBeanFactory().registerSingleton("sharedRouting", routing);
                })
                .run();
    }
}
