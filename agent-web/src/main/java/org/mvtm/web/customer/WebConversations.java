package org.mvtm.web.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Customer;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebUser;
import org.springframework.stereotype.Component;

/** The web channel's conversations, by id and by routing interaction. Thread-safe. */
@Component
public class WebConversations {
    private final Clock clock;
    private final Map<ConversationId, WebConversation> byId = new ConcurrentHashMap<>();
    private final Map<InteractionId, WebConversation> byInteraction = new ConcurrentHashMap<>();

    public WebConversations(Clock clock) {
        this.clock = clock;
    }

    public WebConversation open(WebUser user, Language language) {
        Customer customer = new Customer(CustomerId.of(user.username()), user.displayName(), user.customerTier(),
                language, user.regions().iterator().next());
        WebConversation conversation = new WebConversation(ConversationId.random(), user.username(), customer,
                language, clock.instant());
        byId.put(conversation.id(), conversation);
        return conversation;
    }

    /** The user's own conversation with that id; somebody else's is treated as unknown. */
    public Optional<WebConversation> resume(WebUser user, String conversationId) {
        try {
            return Optional.ofNullable(byId.get(ConversationId.of(conversationId)))
                    .filter(c -> c.owner().equals(user.username()))
                    .filter(c -> c.status() != ConversationStatus.ENDED);
        } catch (IllegalArgumentException badId) {
            return Optional.empty();
        }
    }

    public Optional<WebConversation> find(ConversationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<WebConversation> byInteraction(InteractionId interaction) {
        return Optional.ofNullable(byInteraction.get(interaction));
    }

    void queued(WebConversation conversation, InteractionId interaction) {
        conversation.queued(interaction);
        byInteraction.put(interaction, conversation);
    }

    /** An ended conversation cannot be resumed; forget it (its open sockets already got the final status). */
    void forget(WebConversation conversation) {
        byId.remove(conversation.id());
        conversation.interaction().ifPresent(byInteraction::remove);
    }

    /** The conversations of one customer that have not ended. */
    public List<WebConversation> openOf(String owner) {
        return byId.values().stream().filter(c -> c.owner().equals(owner))
                .filter(c -> c.status() != ConversationStatus.ENDED).toList();
    }

    public Collection<WebConversation> all() {
        return byId.values();
    }
}
