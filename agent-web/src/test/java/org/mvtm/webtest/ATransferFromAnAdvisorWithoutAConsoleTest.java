package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * bo takes chan's chat without a console on this node (on a desk phone, or on another node), then transfers chan to
 * ada. No desk here held the call when it was transferred away, so its end is kept for a desk's connect to find
 * (ACallThatEndsAsItConnectsTest). ada's console must not take that end for her own: she is connected to chan, keeps
 * the call, and is told it ended only when chan leaves.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ATransferFromAnAdvisorWithoutAConsoleTest {
    private static final AgentId BO = AgentId.of("agent-bo");
    private static final AgentId ADA = AgentId.of("agent-ada");

    @LocalServerPort
    int port;
    @Autowired
    RoutingEngine routing;

    @Test
    void theAdvisorWhoTakesTheTransferKeepsTheCallUntilTheCustomerLeaves() throws Exception {
        Browserless.Socket console = Browserless.signedIn(port, "ada").socket("/ws/agent");
        routing.login(BO);
        routing.ready(BO);
        Browserless.Socket page = SocketSteps.greetedPage(Browserless.signedIn(port, "chan"), "en");
        InteractionId interaction = InteractionId.of(JsonFields.field(SocketSteps.askForPerson(page, "CHAT"),
                "interactionId"));
        await().until(() -> routing.interaction(interaction).filter(v -> v.status() == InteractionStatus.OFFERED)
                .flatMap(InteractionView::advisor).filter(BO::equals).isPresent());
        routing.accept(interaction, BO);

        SocketSteps.ready(console);
        routing.transferToAdvisor(interaction, ADA);
        assertThat(console.next("\"offer\"")).contains(interaction.value());
        assertThat(SocketSteps.accept(console, interaction.value())).contains(interaction.value());
        console.send("{\"type\":\"desk\"}");
        List<String> afterConnect = console.until("\"type\":\"desk\"");
        assertThat(afterConnect).as("bo's transfer is not taken for the end of ada's call")
                .noneMatch(m -> m.contains("\"ended\""));
        assertThat(afterConnect.getLast()).as("ada's desk holds chan's call").contains(interaction.value());
        assertThat(routing.interaction(interaction).orElseThrow().status()).isEqualTo(InteractionStatus.CONNECTED);

        routing.complete(interaction, InteractionEnded.EndedBy.CUSTOMER);
        assertThat(console.next("\"ended\"")).contains(interaction.value()).contains("\"endedBy\":\"CUSTOMER\"");
    }
}
