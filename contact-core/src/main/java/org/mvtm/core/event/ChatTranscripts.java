package org.mvtm.core.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mvtm.core.id.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every chat line of every conversation, as this node's bus delivered them ({@link ChatMessagePosted}, published
 * in order per conversation with {@link EventBus#publishInOrder}): what the customer was shown, in the order and
 * with the times they were shown. The record of a conversation is built from here, not from what one module
 * remembers of it.
 *
 * <p>{@link #follow} hands a consumer the lines so far and then every new line, with no line missed or repeated in
 * between (the hand-over happens under the conversation's lock, which delivery takes too). A conversation is kept
 * until {@link #forget} or until it has been idle for {@code idle} (by the injected clock), because a chat that
 * ends with the bot sees no end event. Thread-safe.
 */
public final class ChatTranscripts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatTranscripts.class);
    /** A safeguard against a flood; far beyond any real conversation. */
    static final int MAX_LINES = 10_000;

    private static final int SWEEP_EVERY = 256;

    private final Clock clock;
    private final Duration idle;
    private final Map<ConversationId, Transcript> transcripts = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();
    private final EventBus.Subscription subscription;

    private static final class Transcript {
        final List<ChatMessagePosted> lines = new ArrayList<>();
        final List<Consumer<ChatMessagePosted>> followers = new ArrayList<>();
        Instant lastActivity;
        boolean warned;

        Transcript(Instant now) {
            this.lastActivity = now;
        }
    }

    public ChatTranscripts(EventBus bus, Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
        this.subscription = bus.subscribe(ChatMessagePosted.class, this::onLine);
    }

    private void onLine(ChatMessagePosted line) {
        Transcript t = transcript(line.conversation());
        synchronized (t) {
            t.lastActivity = clock.instant();
            if (t.lines.size() < MAX_LINES) {
                t.lines.add(line);
            } else if (!t.warned) {
                t.warned = true;
                log.warn(
                        "conversation {} has more than {} lines; later ones go only to its followers",
                        line.conversation(),
                        MAX_LINES);
            }
            for (Consumer<ChatMessagePosted> f : t.followers) {
                f.accept(line);
            }
        }
    }

    /** The lines of a conversation so far, oldest first; empty when this node has seen none. */
    public List<ChatMessagePosted> lines(ConversationId conversation) {
        Transcript t = transcripts.get(conversation);
        if (t == null) {
            return List.of();
        }
        synchronized (t) {
            return List.copyOf(t.lines);
        }
    }

    /**
     * Gives {@code consumer} the lines so far, then every new line of the conversation as it is delivered, until the
     * returned handle is closed. The consumer runs under the conversation's lock and must not block.
     *
     * @return the handle to stop following, with how many earlier lines were handed over
     */
    public Followed follow(ConversationId conversation, Consumer<ChatMessagePosted> consumer) {
        Transcript t = transcript(conversation);
        synchronized (t) {
            t.lines.forEach(consumer);
            t.followers.add(consumer);
            int earlier = t.lines.size();
            return new Followed(
                    () -> {
                        synchronized (t) {
                            t.followers.remove(consumer);
                        }
                    },
                    earlier);
        }
    }

    /** A consumer following one conversation (close it to stop) and the number of lines handed over at once. */
    public record Followed(Runnable stop, int earlierLines) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    /** Drops a conversation (after it ended); its followers get nothing more. */
    public void forget(ConversationId conversation) {
        Optional.ofNullable(transcripts.remove(conversation)).ifPresent(t -> {
            synchronized (t) {
                t.followers.clear();
            }
        });
    }

    private Transcript transcript(ConversationId conversation) {
        Transcript t = transcripts.get(conversation);
        if (t != null) {
            return t;
        }
        Instant now = clock.instant();
        if (created.incrementAndGet() % SWEEP_EVERY == 0) {
            expireIdle(now);
        }
        return transcripts.computeIfAbsent(conversation, c -> new Transcript(now));
    }

    /** Drops conversations without a line for longer than {@code idle} and nobody following them. */
    int expireIdle(Instant now) {
        Instant limit = now.minus(idle);
        int before = transcripts.size();
        transcripts.values().removeIf(t -> {
            synchronized (t) {
                return t.followers.isEmpty() && t.lastActivity.isBefore(limit);
            }
        });
        return before - transcripts.size();
    }

    @Override
    public void close() {
        subscription.close();
        transcripts.clear();
    }
}
