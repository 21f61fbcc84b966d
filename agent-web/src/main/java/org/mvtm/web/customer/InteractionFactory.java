package org.mvtm.web.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Product;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;

/**
 * Builds the routing {@link org.mvtm.core.Interaction} for a web conversation the bot handed off: the customer's
 * language and the likely product become required skills; the product picks the queue.
 *
 * <pre>
 *   CARDS                        -> queue "cards"
 *   WEALTH                       -> queue "wealth"
 *   CROSS_BORDER, REMITTANCE, FX -> queue "cross-border"
 *   anything else / unknown      -> queue "general"
 * </pre>
 */
public final class InteractionFactory {
    public static final QueueId GENERAL = QueueId.of("general");
    public static final QueueId CARDS = QueueId.of("cards");
    public static final QueueId WEALTH = QueueId.of("wealth");
    public static final QueueId CROSS_BORDER = QueueId.of("cross-border");

    private InteractionFactory() {
    }

    public static QueueId queueFor(Product product) {
        return switch (product) {
            case CARDS -> CARDS;
            case WEALTH -> WEALTH;
            case CROSS_BORDER, REMITTANCE, FX -> CROSS_BORDER;
            default -> GENERAL;
        };
    }

    public static org.mvtm.core.Interaction build(InteractionId id, WebConversation conversation, Channel channel,
                                                  HandoffContext handoff, Instant now) {
        Customer customer = conversation.customer();
        List<SkillRequirement> skills = new ArrayList<>();
        skills.add(SkillRequirement.of(handoff.language().skillName(), 1));
        handoff.likelyProduct().filter(p -> p != Product.GENERAL)
                .ifPresent(p -> skills.add(SkillRequirement.of(p.skillName(), 1)));
        QueueId queue = handoff.likelyProduct().map(InteractionFactory::queueFor).orElse(GENERAL);
        Customer inLanguage = new Customer(customer.id(), customer.displayName(), customer.tier(), handoff.language(),
                customer.region());
        return new org.mvtm.core.Interaction(id, conversation.id(), channel, inLanguage, handoff.language(), skills,
                queue, handoff, now);
    }
}
