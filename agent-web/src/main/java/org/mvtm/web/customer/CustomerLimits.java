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
    /** Each customer's conversation starts within the last window, oldest first; changed only inside the map's compute. */
    private final Map<String, Deque<Instant>> started = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

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
        forgetQuietCustomers(now);
        int max = settings.conversationsPerMinute();
        int[] startedWithin = {0};
        started.compute(customer, (c, times) -> {
            Deque<Instant> within = withinWindow(times == null ? new ArrayDeque<>() : times, now);
            startedWithin[0] = within.size();
            if (within.size() < max) {
                within.addLast(now);
            }
            return within.isEmpty() ? null : within;
        });
        if (startedWithin[0] >= max) {
            throw Refusal.of("limit.rate", "customer " + customer + " started " + startedWithin[0]
                    + " conversations within a minute; at most " + max, "max", max);
        }
    }

    /** How many customers' recent starts are held: those who started a conversation within the last minute or so. */
    int customersRemembered() {
        return started.size();
    }

    /**
     * Once a window, customers who started nothing within it are forgotten, so what is held grows with the customers
     * of the last minute, not with every customer the bank ever served.
     */
    private void forgetQuietCustomers(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(WINDOW);
        for (String customer : started.keySet()) {
            started.computeIfPresent(customer, (c, times) -> withinWindow(times, now).isEmpty() ? null : times);
        }
    }

    private static Deque<Instant> withinWindow(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.pollFirst();
        }
        return times;
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
