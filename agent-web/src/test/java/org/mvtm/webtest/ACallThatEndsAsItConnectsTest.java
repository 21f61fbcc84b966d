package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A customer who hangs up the moment an advisor accepts: routing can publish the end before the acceptance (they
 * come from different threads), so the advisor's desk hears of the end before it holds the call. The console must
 * still be told the call ended, and must not keep a call that is over.
 */
@SpringBootTest(classes = {WebTestApplication.class, ACallThatEndsAsItConnectsTest.EndBeforeAcceptance.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ACallThatEndsAsItConnectsTest {

    /** The real in-process bus, except that a call's acceptance is delivered after its end, once that has come. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EndBeforeAcceptance {
        @Bean
        @Primary
        EventBus acceptanceAfterEndBus() {
            return new AcceptanceAfterEnd(new InProcessEventBus());
        }
    }

    static final class AcceptanceAfterEnd implements EventBus {
        private final EventBus bus;
        private final Map<InteractionId, OfferAccepted> held = new ConcurrentHashMap<>();

        AcceptanceAfterEnd(EventBus bus) {
            this.bus = bus;
        }

        @Override
        public void publish(ContactEvent event) {
            if (event instanceof OfferAccepted accepted) {
                held.put(accepted.interaction(), accepted);
                return;
            }
            bus.publish(event);
            if (event instanceof InteractionEnded ended) {
                OfferAccepted accepted = held.remove(ended.interaction());
                if (accepted != null) {
                    bus.publish(accepted);
                }
            }
        }

        @Override
        public <E extends ContactEvent> E publishInOrder(Object key, Supplier<E> event) {
            return bus.publishInOrder(key, event);
        }

        @Override
        public <E extends ContactEvent> Subscription subscribe(Class<E> type, Consumer<? super E> subscriber) {
            return bus.subscribe(type, subscriber);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RoutingEngine routing;

    @Test
    void theAdvisorsConsoleIsToldTheCallEndedAndKeepsNoCallThatIsOver() throws Exception {
        Browserless.Socket console = Browserless.signedIn(port, "ada").socket("/ws/agent");
        SocketSteps.goReady(console);
        Browserless.Socket page = SocketSteps.greetedPage(Browserless.signedIn(port, "chan"), "en");
        String interaction = JsonFields.field(SocketSteps.askForPerson(page, "CHAT"), "interactionId");
        assertThat(console.next("\"offer\"")).contains(interaction);
        console.send("{\"type\":\"accept\",\"interactionId\":\"" + interaction + "\"}");
        await().until(() -> routing.interaction(InteractionId.of(interaction)).orElseThrow().status()
                == InteractionStatus.CONNECTED);

        routing.complete(InteractionId.of(interaction), InteractionEnded.EndedBy.CUSTOMER);
        assertThat(console.next("\"connected\"")).contains(interaction);
        assertThat(console.next("\"ended\"")).as("the end that came before the desk held the call")
                .contains(interaction).contains("\"endedBy\":\"CUSTOMER\"");
        console.send("{\"type\":\"desk\"}");
        String desk = console.next("\"type\":\"desk\"");
        assertThat(desk).as("no call that is over stays on the desk").contains("\"active\":[]")
                .contains("\"wrapUpPending\":true");
    }
}
