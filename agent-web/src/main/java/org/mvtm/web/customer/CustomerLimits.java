package org.mvtm.web.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Refusal;
import org.mvtm.web.api.CustomerLimitSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One customer cannot hoard advisors: at most {@link CustomerLimitSettings#openConversations()} open
 * conversations, {@link CustomerLimitSettings#queuePlaces()} of them queued or with an advisor, and
 * {@link CustomerLimitSettings#conversationsPerMinute()} new conversations in any minute (a sliding window by the
 * injected clock). Refusals carry the codes {@code limit.open-conversation}, {@code limit.queue-place} and
 * {@code limit.rate}, which the customer page translates. Thread-safe.
 */
@Component
public class CustomerLimits {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Clock clock;
    private final CustomerLimitSettings settings;
    private final Map<String, Deque<Instant>> started = new ConcurrentHashMap<>();

    public CustomerLimits(Clock clock, ObjectProvider<CustomerLimitSettings> settings) {
        this.clock = clock;
        this.settings = settings.getIfAvailable(CustomerLimitSettings::defaults);
    }

    /** Counts a new conversation of {@code customer}, who already has {@code open} open ones, or refuses it. */
    void admitConversation(String customer, List<WebConversation> open) {
        if (open.size() >= settings.openConversations()) {
            throw Refusal.of("limit.open-conversation", "customer " + customer + " already has " + open.size()
                    + " open conversation(s); at most " + settings.openConversations(), "max",
                    settings.openConversations());
        }
        Instant now = clock.instant();
        Deque<Instant> times = started.computeIfAbsent(customer, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= settings.conversationsPerMinute()) {
                throw Refusal.of("limit.rate", "customer " + customer + " started " + times.size()
                        + " conversations within a minute; at most " + settings.conversationsPerMinute(), "max",
                        settings.conversationsPerMinute());
            }
            times.addLast(now);
        }
    }

    /** Refuses a request for a person when the customer's other conversations already hold their queue places. */
    void admitQueue(String customer, List<WebConversation> others) {
        long held = others.stream().filter(c -> c.status() == ConversationStatus.QUEUED
                || c.status() == ConversationStatus.CONNECTED).count();
        if (held >= settings.queuePlaces()) {
            throw Refusal.of("limit.queue-place", "customer " + customer + " already holds " + held
                    + " queue place(s); at most " + settings.queuePlaces(), "max", settings.queuePlaces());
        }
    }
}
