package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 14 item 12: a queued customer is given a wait estimate only when a signed-in advisor can serve them; with
 * nobody who speaks their language signed in, the page gets no estimate (-1) instead of a made-up "about 2 min".
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS) // no advisor left signed in by another test
class QueueEstimateOverWebSocketTest {
    @LocalServerPort
    int port;

    @Test
    void aCustomerNobodySignedInCanServeGetsNoMadeUpEstimate() throws Exception {
        Browserless.Socket console = SocketSteps.readyConsole(Browserless.signedIn(port, "bo"));

        Browserless chan = Browserless.signedIn(port, "chan");
        Browserless.Socket page = SocketSteps.greetedPage(chan, "yue");
        String queued = SocketSteps.askForPerson(page, "CHAT");
        assertThat(queued).as("Bo is ready but does not speak Cantonese; Ada is not signed in")
                .contains("\"position\":1").contains("\"estimatedWaitSeconds\":-1");
        console.close();
        page.close();
    }
}
