package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.EventBus;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A customer who asks for a person and hangs up while the hand-off is being queued. The page queues the
 * conversation and then asks routing to enqueue it (on a worker); her hang-up asks routing to abandon it. Routing
 * here is the real in-memory engine, whose enqueue waits, once it has begun, until she has hung up or two seconds
 * have passed: the order a slow store (Redis across a network) gives now and then. Before the steps of one
 * conversation were ordered, the abandon came first ("unknown interaction"), the enqueue then put her in the queue
 * for nobody, and her page never ended: she could not start another conversation.
 */
@SpringBootTest(classes = {WebTestApplication.class, ACustomerWhoHangsUpAsSheIsQueuedTest.SlowEnqueue.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ACustomerWhoHangsUpAsSheIsQueuedTest {
    private static final String API = "/api/customer/conversations";

    /** The real in-memory routing engine, whose enqueue waits for an abandon (at most two seconds) once begun. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowEnqueue {
        final CountDownLatch enqueueBegun = new CountDownLatch(1);
        final CountDownLatch abandonAsked = new CountDownLatch(1);

        @Bean
        @Primary
        RoutingEngine enqueueThatWaitsForAnAbandon(Clock clock, EventBus events) {
            return InterceptedRouting.of(clock, events, (method, real) -> {
                if (method.equals("enqueue")) {
                    enqueueBegun.countDown();
                    abandonAsked.await(2, TimeUnit.SECONDS);
                } else if (method.equals("abandon")) {
                    abandonAsked.countDown();
                }
                return real.call();
            });
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    SlowEnqueue slow;
    @Autowired
    RoutingEngine routing;

    @Test
    void herPageEndsNobodyIsLeftInTheQueueAndSheCanStartAgain() throws Exception {
        Browserless chan = Browserless.signedIn(port, "chan");
        Browserless.Socket page = SocketSteps.greetedPage(chan, "en");
        page.send("{\"type\":\"person\",\"channel\":\"CHAT\"}");
        assertThat(slow.enqueueBegun.await(20, TimeUnit.SECONDS)).as("the hand-off is being queued").isTrue();

        page.send("{\"type\":\"hangup\"}");

        assertThat(page.next("\"ENDED\"")).as("her page shows the conversation ended").contains("\"ENDED\"");
        assertThat(routing.waiting()).as("nobody waits for an advisor").isEmpty();
        page.close();
        HttpResponse<String> again = chan.postJson(API, "{\"language\":\"en\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(chan.delete(API + "/" + JsonFields.field(again.body(), "conversationId")).statusCode())
                .isEqualTo(200);
    }
}
