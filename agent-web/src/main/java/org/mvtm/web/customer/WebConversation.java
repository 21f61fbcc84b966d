package org.mvtm.web.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.StoredConversation;

/**
 * One customer's conversation on the web channel, kept by the server so the page can rejoin after a network drop.
 * Thread-safe (all state behind this object's monitor). Every change is handed to the {@code changed} callback
 * (under the monitor, so in order), which keeps it in the {@code ConversationStore} of a cluster.
 */
public final class WebConversation {
    private final ConversationId id;
    private final String owner;
    private final Customer customer;
    private final Instant startedAt;
    private final List<TranscriptTurn> transcript = new ArrayList<>();
    private Language language;
    private Channel channel = Channel.CHAT;
    private ConversationStatus status = ConversationStatus.WITH_BOT;
    private InteractionId interaction;
    private AgentId advisor;
    private String advisorName;
    private boolean held;
    private final Consumer<WebConversation> changed;
    /** HTTP message ids already taken, with the transcript size before each: a retried POST is not said twice. */
    private final LinkedHashMap<String, Integer> messageIds = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > 256;
        }
    };

    WebConversation(ConversationId id, String owner, Customer customer, Language language, Instant startedAt,
                    Consumer<WebConversation> changed) {
        this.id = id;
        this.owner = owner;
        this.customer = customer;
        this.language = language;
        this.startedAt = startedAt;
        this.changed = changed;
    }

    /** A conversation another node held, as it saved it (the customer reconnected here). */
    static WebConversation restore(StoredConversation s, Consumer<WebConversation> changed) {
        Customer customer = new Customer(CustomerId.of(s.customerId()), s.customerName(), CustomerTier.valueOf(s.tier()),
                Language.fromTag(s.language()), Region.of(s.region()));
        WebConversation c = new WebConversation(ConversationId.of(s.id()), s.owner(), customer,
                Language.fromTag(s.language()), s.startedAt(), changed);
        synchronized (c) {
            c.channel = Channel.valueOf(s.channel());
            c.status = ConversationStatus.valueOf(s.status());
            c.interaction = s.interaction().isEmpty() ? null : InteractionId.of(s.interaction());
            c.advisor = s.advisor().isEmpty() ? null : AgentId.of(s.advisor());
            c.advisorName = s.advisorName().isEmpty() ? null : s.advisorName();
            c.held = s.held();
            s.transcript().forEach(l -> c.transcript.add(
                    new TranscriptTurn(l.at(), TranscriptTurn.Speaker.valueOf(l.speaker()), l.text())));
        }
        return c;
    }

    /** What a {@code ConversationStore} keeps of it. */
    synchronized StoredConversation stored() {
        return new StoredConversation(id.value(), owner, customer.id().value(), customer.displayName(),
                customer.tier().name(), customer.region().code(), startedAt, language.tag(), channel.name(),
                status.name(), interaction == null ? "" : interaction.value(), advisor == null ? "" : advisor.value(),
                advisorName == null ? "" : advisorName, held,
                transcript.stream().map(t -> new StoredConversation.Line(t.at(), t.speaker().name(), t.text())).toList());
    }

    public ConversationId id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Customer customer() {
        return customer;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public synchronized Language language() {
        return language;
    }

    public synchronized void language(Language language) {
        this.language = language;
        changed.accept(this);
    }

    public synchronized Channel channel() {
        return channel;
    }

    /** The channel the customer chose; fixed once routing has the interaction. */
    public synchronized void channel(Channel requested) {
        if (status == ConversationStatus.WITH_BOT) {
            this.channel = requested;
        }
        changed.accept(this);
    }

    public synchronized ConversationStatus status() {
        return status;
    }

    public synchronized Optional<InteractionId> interaction() {
        return Optional.ofNullable(interaction);
    }

    public synchronized Optional<AgentId> advisor() {
        return Optional.ofNullable(advisor);
    }

    public synchronized String advisorName() {
        return advisorName == null ? "" : advisorName;
    }

    /** True while the advisor has the call on hold (media paused on purpose). */
    public synchronized boolean held() {
        return held;
    }

    synchronized void held(boolean onHold) {
        held = onHold && status == ConversationStatus.CONNECTED;
        changed.accept(this);
    }

    synchronized void queued(InteractionId interaction) {
        status = status.to(id, ConversationStatus.QUEUED);
        this.held = false;
        this.interaction = interaction;
        this.advisor = null;
        this.advisorName = null;
        notifyAll();
        changed.accept(this);
    }

    synchronized void connected(AgentId advisor, String advisorName) {
        status = status.to(id, ConversationStatus.CONNECTED);
        this.advisor = advisor;
        this.advisorName = advisorName;
        notifyAll();
        changed.accept(this);
    }

    synchronized void ended() {
        status = status.to(id, ConversationStatus.ENDED);
        held = false;
        notifyAll();
        changed.accept(this);
    }

    synchronized void add(TranscriptTurn turn) {
        transcript.add(turn);
        notifyAll();
        changed.accept(this);
    }

    /** What {@link #take} says about an HTTP message id: the transcript size before its line, and if it was a retry. */
    record MessageTaken(int before, boolean duplicate) {
    }

    /**
     * Takes an HTTP message id. The first time, it records the transcript size (the caller then says the line); a
     * retry of the same id gets the size recorded the first time and {@code duplicate}, and must say nothing.
     */
    synchronized MessageTaken take(String messageId) {
        Integer before = messageIds.get(messageId);
        if (before != null) {
            return new MessageTaken(before, true);
        }
        messageIds.put(messageId, transcript.size());
        return new MessageTaken(transcript.size(), false);
    }

    /**
     * The transcript lines from {@code index} on. When there are none yet, waits up to {@code wait} for one (or for
     * a status change), so an HTTP client can long-poll; request threads are virtual, so waiting holds no
     * platform thread.
     */
    synchronized List<TranscriptTurn> linesFrom(int index, Duration wait) throws InterruptedException {
        if (index < 0 || index > transcript.size()) {
            throw new IllegalArgumentException("after must be between 0 and " + transcript.size()
                    + " (the number of lines so far) but was " + index);
        }
        ConversationStatus seen = status;
        long deadline = System.nanoTime() + wait.toNanos();
        while (transcript.size() <= index && status == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return index >= transcript.size() ? List.of() : List.copyOf(transcript.subList(index, transcript.size()));
    }

    public synchronized List<TranscriptTurn> transcript() {
        return List.copyOf(transcript);
    }
}
