package org.mvtm.chatbot.dialogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects an assistant to the event bus: every {@code ChatMessagePosted(CUSTOMER)} is answered off the
 * publisher's thread and a non-silent reply is published as {@code ChatMessagePosted(BOT, "bot")}. Messages of one
 * conversation are answered in order (one lane per conversation hash); after handoff the assistant is SILENT, so
 * nothing is published and the advisor takes over.
 */
public final class EventBusBridge implements AutoCloseable {
    public static final String BOT_SENDER = "bot";
    private static final Logger log = LoggerFactory.getLogger(EventBusBridge.class);

    private final Assistant assistant;
    private final EventBus events;
    private final Clock clock;
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final EventBus.Subscription subscription;

    public EventBusBridge(Assistant assistant, EventBus events, Clock clock, int lanes) {
        this.assistant = Objects.requireNonNull(assistant, "assistant");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1 but was " + lanes);
        }
        for (int i = 0; i < lanes; i++) {
            int n = i;
            this.lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "chatbot-lane-" + n);
                t.setDaemon(true);
                return t;
            }));
        }
        this.subscription = events.subscribe(ChatMessagePosted.class, this::onMessage);
    }

    private void onMessage(ChatMessagePosted m) {
        if (m.speaker() != TranscriptTurn.Speaker.CUSTOMER || assistant.handedOff(m.conversation())) {
            return;
        }
        ExecutorService lane = lanes.get(Math.floorMod(m.conversation().hashCode(), lanes.size()));
        try {
            lane.execute(() -> answer(m));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("bridge closed, message of {} not answered", m.conversation());
        }
    }

    private void answer(ChatMessagePosted m) {
        try {
            BotReply reply = assistant.reply(m.conversation(), m.text());
            if (reply.kind() != ReplyKind.SILENT) {
                events.publish(new ChatMessagePosted(clock.instant(), m.conversation(), TranscriptTurn.Speaker.BOT,
                        BOT_SENDER, reply.text()));
            }
        } catch (RuntimeException e) {
            log.warn("assistant failed to answer in {}", m.conversation(), e);
        }
    }

    @Override
    public void close() {
        subscription.close();
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
