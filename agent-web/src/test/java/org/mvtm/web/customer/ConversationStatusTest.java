package org.mvtm.web.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.Region;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.state.IllegalTransition;
import org.mvtm.routing.api.QueueConfig;

class ConversationStatusTest {
    private final WebConversation conversation = new WebConversation(new ConversationId("c-1"), "session-1",
            new Customer(new CustomerId("chan"), "Chan", CustomerTier.STANDARD, Language.YUE, Region.of("HK")),
            Language.YUE, Instant.parse("2026-01-05T09:00:00Z"), c -> { });

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
    void queueFollowsTheLikelyProductAmongTheQueuesRoutingTakesNow() {
        List<QueueConfig> demo = List.of(queue("general", "product.accounts"), queue("cards", "product.cards"),
                queue("wealth", "product.wealth"), queue("cross-border", "product.cross-border"));
        assertThat(InteractionFactory.queueFor(Optional.of(Product.CARDS), demo)).contains(QueueId.of("cards"));
        assertThat(InteractionFactory.queueFor(Optional.of(Product.REMITTANCE), demo)).contains(QueueId.of("cross-border"));
        assertThat(InteractionFactory.queueFor(Optional.of(Product.LOANS), demo)).contains(QueueId.of("general"));
        assertThat(InteractionFactory.queueFor(Optional.empty(), demo)).contains(QueueId.of("general"));

        List<QueueConfig> bank = List.of(queue("loans", "product.loans"), queue("retail", "product.general"));
        assertThat(InteractionFactory.queueFor(Optional.of(Product.LOANS), bank)).contains(QueueId.of("loans"));
        assertThat(InteractionFactory.queueFor(Optional.of(Product.CARDS), bank)).contains(QueueId.of("retail"));
        assertThat(InteractionFactory.queueFor(Optional.of(Product.CARDS), List.of(queue("loans", "product.loans"))))
                .as("the only queue").contains(QueueId.of("loans"));
        assertThat(InteractionFactory.queueFor(Optional.of(Product.CARDS),
                List.of(queue("loans", "product.loans"), queue("fx", "product.fx")))).isEmpty();
    }

    private static QueueConfig queue(String id, String product) {
        return QueueConfig.of(QueueId.of(id), List.of(SkillRequirement.of(product, 3)));
    }
}
