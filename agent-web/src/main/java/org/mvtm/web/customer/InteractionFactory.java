package org.mvtm.web.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Interaction;
import org.mvtm.core.Product;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.QueueConfig;

/**
 * Builds the routing {@link org.mvtm.core.Interaction} for a web conversation the bot handed off: the customer's
 * language and the likely product become required skills; the product picks the queue among those routing takes new
 * customers into now (queues an administrator created or deleted count at once):
 *
 * <pre>
 *   a queue asking for the product's skill (product.loans), first by id
 *   REMITTANCE, FX with no such queue   -> a queue asking for product.cross-border
 *   otherwise / no product              -> queue "general", else a queue asking for product.general, else the only queue
 *   none of these                       -> refused, naming the product and the queues there are
 * </pre>
 */
public final class InteractionFactory {
    static final QueueId GENERAL = QueueId.of("general");

    private InteractionFactory() {
    }

    /** The queue for a customer whose question is about {@code product}; empty if no queue takes them. */
    public static Optional<QueueId> queueFor(Optional<Product> product, Collection<QueueConfig> queues) {
        List<QueueConfig> sorted = queues.stream().sorted(Comparator.comparing(q -> q.id().value())).toList();
        List<String> wanted = new ArrayList<>();
        product.filter(p -> p != Product.GENERAL).ifPresent(p -> {
            wanted.add(p.skillName());
            if (p == Product.REMITTANCE || p == Product.FX) {
                wanted.add(Product.CROSS_BORDER.skillName());
            }
        });
        for (String skill : wanted) {
            Optional<QueueId> asking = asking(sorted, skill);
            if (asking.isPresent()) {
                return asking;
            }
        }
        if (sorted.stream().anyMatch(q -> q.id().equals(GENERAL))) {
            return Optional.of(GENERAL);
        }
        Optional<QueueId> general = asking(sorted, Product.GENERAL.skillName());
        if (general.isPresent()) {
            return general;
        }
        return sorted.size() == 1 ? Optional.of(sorted.getFirst().id()) : Optional.empty();
    }

    private static Optional<QueueId> asking(List<QueueConfig> queues, String skill) {
        return queues.stream().filter(q -> q.requiredSkills().stream().anyMatch(r -> r.skill().equals(skill)))
                .map(QueueConfig::id).findFirst();
    }

    /**
     * The interaction for the hand-off, in the queue {@link #queueFor} picks; {@link IllegalArgumentException} saying
     * why when no queue takes the customer.
     */
    public static Interaction build(InteractionId id, WebConversation conversation, Channel channel,
                                                  HandoffContext handoff, Collection<QueueConfig> queues, Instant now) {
        return build(id, conversation.id(), conversation.customer(), channel, handoff, queues, now);
    }

    /**
     * The same for any chat channel's conversation (a phone customer chatting over SIP MESSAGE is queued exactly like
     * a web chat customer).
     */
    public static Interaction build(InteractionId id, ConversationId conversation,
                                                  Customer customer, Channel channel, HandoffContext handoff,
                                                  Collection<QueueConfig> queues, Instant now) {
        QueueId queue = queueFor(handoff.likelyProduct(), queues).orElseThrow(() -> new IllegalArgumentException(
                "no queue takes " + handoff.likelyProduct().map(p -> p.skillName() + " ").orElse("")
                        + "customers now; queues: " + queues.stream().map(q -> q.id().value()).sorted().toList()));
        List<SkillRequirement> skills = new ArrayList<>();
        skills.add(SkillRequirement.of(handoff.language().skillName(), 1));
        handoff.likelyProduct().filter(p -> p != Product.GENERAL)
                .ifPresent(p -> skills.add(SkillRequirement.of(p.skillName(), 1)));
        Customer inLanguage = new Customer(customer.id(), customer.displayName(), customer.tier(), handoff.language(),
                customer.region());
        return new Interaction(id, conversation, channel, inLanguage, handoff.language(), skills,
                queue, handoff, now);
    }
}
