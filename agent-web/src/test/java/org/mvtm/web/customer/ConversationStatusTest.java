package org.mvtm.web.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.state.IllegalTransition;

class ConversationStatusTest {
    private final WebConversation conversation = new WebConversation(new ConversationId("c-1"), "session-1",
            new Customer(new CustomerId("chan"), "Chan", CustomerTier.STANDARD, Language.YUE, Region.of("HK")),
            Language.YUE, Instant.parse("2026-01-05T09:00:00Z"));

    @Test
    void aConversationGoesToAnAdvisorOnlyThroughTheQueueAndNeverReopens() {
        assertThatThrownBy(() -> conversation.connected(new AgentId("alice"), "Alice"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("customer conversation c-1 cannot go from WITH_BOT to CONNECTED");

        conversation.queued(new InteractionId("i-1"));
        conversation.connected(new AgentId("alice"), "Alice");
        conversation.queued(new InteractionId("i-1"));
        conversation.connected(new AgentId("bob"), "Bob");
        conversation.ended();
        assertThat(conversation.status()).isEqualTo(ConversationStatus.ENDED);

        assertThatThrownBy(() -> conversation.queued(new InteractionId("i-2")))
                .hasMessage("customer conversation c-1 cannot go from ENDED to QUEUED");
        assertThat(conversation.status()).as("a refused change changes nothing").isEqualTo(ConversationStatus.ENDED);
    }

    @Test
    void queueFollowsTheLikelyProduct() {
        assertThat(InteractionFactory.queueFor(org.mvtm.core.Product.CARDS).value()).isEqualTo("cards");
        assertThat(InteractionFactory.queueFor(org.mvtm.core.Product.REMITTANCE).value()).isEqualTo("cross-border");
        assertThat(InteractionFactory.queueFor(org.mvtm.core.Product.LOANS).value()).isEqualTo("general");
    }
}
