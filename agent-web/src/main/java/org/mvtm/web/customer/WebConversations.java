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
import org.mvtm.web.api.ConversationStore;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CallRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The web channel's conversations, by id and by routing interaction. Thread-safe. Every change of a conversation is
 * saved in the {@link ConversationStore} (a cluster's Redis), and a customer who comes back with the id of a
 * conversation this node does not hold (their node died) gets it from there: transcript, status, queue place and
 * advisor as the other node last saved them.
 */
@Component
public class WebConversations {
    private static final Logger LOG = LoggerFactory.getLogger(WebConversations.class);

    private final Clock clock;
    private final ConversationStore store;
    private final Map<ConversationId, WebConversation> byId = new ConcurrentHashMap<>();
    private final Map<InteractionId, WebConversation> byInteraction = new ConcurrentHashMap<>();

    public WebConversations(Clock clock) {
        this(clock, ConversationStore.NONE);
    }

    @Autowired
    public WebConversations(Clock clock, ObjectProvider<ConversationStore> store) {
        this(clock, store.getIfAvailable(() -> ConversationStore.NONE));
    }

    WebConversations(Clock clock, ConversationStore store) {
        this.clock = clock;
        this.store = store;
    }

    private void save(WebConversation conversation) {
        try {
            store.save(conversation.stored());
        } catch (RuntimeException e) {
            LOG.warn("could not save conversation {} for the other nodes: {}", conversation.id(), e.toString());
        }
    }

    public WebConversation open(WebUser user, Language language) {
        Customer customer = new Customer(CustomerId.of(user.username()), user.displayName(), user.customerTier(),
                language, user.regions().iterator().next());
        WebConversation conversation = new WebConversation(ConversationId.random(), user.username(), customer,
                language, clock.instant(), this::save);
        byId.put(conversation.id(), conversation);
        save(conversation);
        return conversation;
    }

    /**
     * The user's own conversation with that id; somebody else's is treated as unknown. One this node does not hold is
     * taken from the {@link ConversationStore} (the node that held it died or the customer came through another).
     */
    public Optional<WebConversation> resume(WebUser user, String conversationId) {
        ConversationId id;
        try {
            id = ConversationId.of(conversationId);
        } catch (IllegalArgumentException badId) {
            return Optional.empty();
        }
        WebConversation held = byId.get(id);
        if (held == null) {
            held = adopt(id).orElse(null);
        }
        return Optional.ofNullable(held)
                .filter(c -> c.owner().equals(user.username()))
                .filter(c -> c.status() != ConversationStatus.ENDED);
    }

    /**
     * The call of the user's open conversation {@code conversationId}, connected with an advisor.
     *
     * @param needsAdvisor what the caller does only with an advisor connected, for the message
     *                     ("documents are passed only with an advisor connected")
     * @throws CallRefused NOT_FOUND for a conversation that is not the user's open one, CONFLICT while no advisor is
     *                     connected
     */
    public InteractionId connectedCall(WebUser user, String conversationId, String needsAdvisor) {
        WebConversation conversation = resume(user, conversationId).orElseThrow(() -> CallRefused.notFound(
                "no open conversation " + conversationId + " of yours"));
        if (conversation.status() != ConversationStatus.CONNECTED || conversation.interaction().isEmpty()) {
            throw new CallRefused(HttpStatus.CONFLICT, "conversation " + conversationId + " is "
                    + conversation.status() + ": " + needsAdvisor);
        }
        return conversation.interaction().get();
    }

    private Optional<WebConversation> adopt(ConversationId id) {
        Optional<WebConversation> stored;
        try {
            stored = store.load(id.value()).map(s -> WebConversation.restore(s, this::save));
        } catch (RuntimeException e) {
            LOG.warn("could not load conversation {} from the other nodes: {}", id, e.toString());
            return Optional.empty();
        }
        stored.ifPresent(c -> {
            byId.putIfAbsent(c.id(), c);
            c.interaction().ifPresent(i -> byInteraction.putIfAbsent(i, c));
            LOG.info("conversation {} of {} taken over from another node ({}, interaction {})", c.id(), c.owner(),
                    c.status(), c.interaction().map(InteractionId::value).orElse("none"));
        });
        return stored.map(c -> byId.get(c.id()));
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
        try {
            store.remove(conversation.id().value());
        } catch (RuntimeException e) {
            LOG.warn("could not remove ended conversation {} for the other nodes: {}", conversation.id(), e.toString());
        }
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
