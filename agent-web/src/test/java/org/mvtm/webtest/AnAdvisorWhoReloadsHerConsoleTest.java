package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An advisor reloads her console: the old one closes (routing detaches her from this node) and the new one opens
 * (routing attaches her again). The node routing holds for her is where a cluster offers her customers from; without
 * it she is offered nobody while her console is open. Routing here is the real in-memory engine, whose detach, once
 * begun, waits for the next attach or two seconds: the order two threads give now and then. Before the console steps of
 * one advisor were ordered, the detach came last and left her with no node.
 */
@SpringBootTest(classes = {WebTestApplication.class, AnAdvisorWhoReloadsHerConsoleTest.SlowDetach.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AnAdvisorWhoReloadsHerConsoleTest {

    /** The real in-memory routing engine, whose detach waits for an attach (at most two seconds) once begun. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowDetach {
        final AtomicInteger attachesDone = new AtomicInteger();
        final CountDownLatch detachBegun = new CountDownLatch(1);
        final CountDownLatch detachDone = new CountDownLatch(1);

        @Bean
        @Primary
        RoutingEngine detachThatWaitsForAnAttach(Clock clock, EventBus events) {
            return InterceptedRouting.of(clock, events, (method, real) -> switch (method) {
                case "detach" -> {
                    int attaches = attachesDone.get();
                    detachBegun.countDown();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                    while (attachesDone.get() == attaches && System.nanoTime() < until) {
                        Thread.sleep(10);
                    }
                    Object done = real.call();
                    detachDone.countDown();
                    yield done;
                }
                case "attach", "login" -> {
                    Object done = real.call();
                    attachesDone.incrementAndGet();
                    yield done;
                }
                default -> real.call();
            });
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    SlowDetach slow;
    @Autowired
    RoutingEngine routing;

    @Test
    void herReloadedConsoleLeavesHerAttachedToThisNode() throws Exception {
        Browserless ada = Browserless.signedIn(port, "ada");
        Browserless.Socket first = SocketSteps.console(ada);
        await().atMost(Duration.ofSeconds(20)).until(() -> slow.attachesDone.get() == 1);

        first.close();
        assertThat(slow.detachBegun.await(20, TimeUnit.SECONDS)).as("the server saw the old console close").isTrue();
        Browserless.Socket reloaded = SocketSteps.console(ada);
        assertThat(slow.detachDone.await(20, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> slow.attachesDone.get() == 2);

        assertThat(routing.advisorStats().stream().filter(s -> s.advisor().equals(AgentId.of("agent-ada")))
                .findFirst().flatMap(AdvisorStats::node)).as("the node routing offers her customers from").isPresent();
        reloaded.close();
    }
}
