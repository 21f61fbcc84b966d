package org.mvtm.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallMonitored;
import org.mvtm.core.event.CallMuted;
import org.mvtm.core.event.CallParticipation;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.KnowledgeBasePublished;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.event.RecordingPaused;
import org.mvtm.core.log.FailureStreakLog;
import org.mvtm.server.SerialWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries the facts that matter on other nodes over Redis pub/sub: a chat line written on the customer's node
 * reaches the advisor's console on another node and back, an offer accepted on the advisor's node connects the
 * customer's call on theirs, and an end on either side ends both. Each node's routing engine already publishes
 * offers on the node that hosts the advisor, so {@code AdvisorOffered} and {@code InteractionQueued} are not relayed.
 * An administrator's change ({@code AdministrationChanged}) makes every node reload from the shared database.
 *
 * <p>Relayed events are published on the local bus exactly once ({@link EventBus#publishRelayed}) and never sent
 * back: while they are delivered {@link EventBus#relayed()} is true, which also keeps this node's assistant from
 * answering a customer line written on another node (the customer's node answers it, once). Publishing to Redis runs on one sender thread, so a slow Redis never blocks the bus and
 * the order of a node's events is kept.
 */
public final class ClusterEventRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterEventRelay.class);
    static final List<Class<? extends ContactEvent>> RELAYED = List.of(ChatMessagePosted.class, OfferAccepted.class,
            OfferDeclined.class, InteractionEnded.class, InteractionAbandoned.class, InteractionTransferred.class,
            CallHeld.class, CallMuted.class, AdvisorStateChanged.class, KnowledgeBasePublished.class, AdministrationChanged.class,
            RecordingPaused.class, CallMonitored.class, CallParticipation.class, AdvisorStateForced.class);
    private static final Map<String, Class<? extends ContactEvent>> BY_NAME = RELAYED.stream()
            .collect(Collectors.toMap(Class::getSimpleName, c -> c));

    private final RedisClient redis;
    private final String channel;
    private final String nodeId;
    private final EventBus bus;
    private final JsonMapper json;
    private final SerialWorker sender = new SerialWorker("cluster-relay-send");
    private final List<EventBus.Subscription> subscriptions;
    private final Subscriber subscriber = new Subscriber();
    private final Thread listener;
    private final FailureStreakLog subscriptionFailures;
    private volatile boolean closed;

    public ClusterEventRelay(RedisClient redis, String keyPrefix, String nodeId, EventBus bus, JsonMapper json,
                             Clock clock) {
        this.subscriptionFailures = new FailureStreakLog(log, "subscribing to the other nodes' events", clock,
                Duration.ofMinutes(1));
        this.redis = redis;
        this.channel = keyPrefix + ":events";
        this.nodeId = nodeId;
        this.bus = bus;
        this.json = json;
        this.subscriptions = RELAYED.stream().map(type -> bus.subscribe(type, this::send)).toList();
        this.listener = Thread.ofPlatform().name("cluster-relay-listen").daemon().start(this::listen);
    }

    private void send(ContactEvent event) {
        if (bus.relayed() || closed) {
            return;
        }
        String message = json.writeValueAsString(Map.of("origin", nodeId, "type", event.getClass().getSimpleName(),
                "event", event));
        sender.execute(() -> {
            try {
                redis.publish(channel, message);
            } catch (RuntimeException e) {
                log.warn("could not relay {} to the other nodes: {}", event.getClass().getSimpleName(), e.getMessage());
            }
        });
    }

    private void listen() {
        while (!closed) {
            try {
                redis.subscribe(subscriber, channel);
            } catch (RuntimeException e) {
                if (!closed) {
                    subscriptionFailures.failed(e);
                    sleep();
                }
            }
        }
    }

    void receive(String message) {
        try {
            JsonNode root = json.readTree(message);
            if (nodeId.equals(root.path("origin").asString())) {
                return;
            }
            Class<? extends ContactEvent> type = BY_NAME.get(root.path("type").asString());
            if (type == null) {
                log.warn("ignoring relayed event of unknown type {}", root.path("type"));
                return;
            }
            ContactEvent event = json.treeToValue(root.path("event"), type);
            bus.publishRelayed(event);
        } catch (RuntimeException e) {
            log.warn("ignoring a relayed event that cannot be read: {}", e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(EventBus.Subscription::close);
        try {
            if (subscriber.isSubscribed()) {
                subscriber.unsubscribe();
            }
        } catch (RuntimeException e) {
            log.debug("unsubscribe failed", e);
        }
        sender.close();
    }

    private final class Subscriber extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscriptionFailures.succeeded();
        }

        @Override
        public void onMessage(String channel, String message) {
            receive(message);
        }
    }
}
