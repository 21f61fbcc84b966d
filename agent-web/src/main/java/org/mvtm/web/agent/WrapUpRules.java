package org.mvtm.web.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Queue;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.QueueId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a wrap-up must hold, by the queue's configuration in the administration module: the codes an advisor may
 * choose (the queue's wrap-up codes, or the default list when the queue has none) and whether the queue requires the
 * wrap-up (a code and notes) before the advisor is Ready again.
 *
 * <p>Each queue's rules are read from the database once and kept until an administrator changes something
 * ({@link AdministrationChanged}, relayed to every node): a call's end must not wait for the database, and while the
 * database does not answer the advisor still gets the wrap-up form, with the rules last read, or for a queue not read
 * since the start the default codes, not required; a queue whose read failed is not asked for again for
 * {@link #RETRY_AFTER} (each read waits for the connection pool's limit first).
 */
@Component
class WrapUpRules {
    private static final Logger log = LoggerFactory.getLogger(WrapUpRules.class);
    /** The codes of a queue that lists none (and of a server without a system of record). */
    static final List<Code> DEFAULT_CODES = List.of(new Code("RESOLVED", "Resolved"),
            new Code("CARD_BLOCKED", "Card blocked"), new Code("FOLLOW_UP", "Follow-up needed"),
            new Code("COMPLAINT", "Complaint"), new Code("SALES_LEAD", "Sales lead"));

    /** A code and the administrator's label for it (the console shows its own translation when it has one). */
    record Code(String code, String label) {
    }

    /** The rules of one queue. */
    record Rules(List<Code> codes, boolean required) {
        boolean allows(String code) {
            return codes.stream().anyMatch(c -> c.code().equals(code));
        }
    }

    private final Optional<AdministrationService> admin;
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private final Map<QueueId, Rules> known = new ConcurrentHashMap<>();
    private final Map<QueueId, Instant> unreadableUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    /** Counts administrators' changes, so that a read that began before one is not kept after it. */
    private final AtomicLong changes = new AtomicLong();

    WrapUpRules(ObjectProvider<AdministrationService> admin, EventBus events, Clock clock) {
        this.admin = Optional.ofNullable(admin.getIfAvailable());
        this.clock = clock;
        events.subscribe(AdministrationChanged.class, e -> {
            changes.incrementAndGet();
            known.clear();
        });
    }

    Rules of(QueueId queue) {
        Rules kept = known.get(queue);
        if (kept != null) {
            return kept;
        }
        Rules unread = new Rules(DEFAULT_CODES, false);
        Instant until = unreadableUntil.get(queue);
        if (until != null && clock.instant().isBefore(until)) {
            return unread;
        }
        long before = changes.get();
        Rules read;
        try {
            read = read(queue);
        } catch (RuntimeException e) {
            log.warn("the wrap-up rules of queue {} could not be read ({}); the default codes apply, not required, "
                    + "for {} s", queue, e.toString(), RETRY_AFTER.toSeconds());
            unreadableUntil.put(queue, clock.instant().plus(RETRY_AFTER));
            return unread;
        }
        unreadableUntil.remove(queue);
        if (changes.get() == before) {
            known.put(queue, read);
        }
        return read;
    }

    private Rules read(QueueId queue) {
        Optional<Queue> q = admin.flatMap(a -> a.queue(queue.value()));
        List<Code> codes = q.map(Queue::wrapUpCodes).filter(c -> !c.isEmpty())
                .map(c -> c.stream().map(x -> new Code(x.code(), x.label())).toList()).orElse(DEFAULT_CODES);
        return new Rules(codes, q.map(x -> Boolean.TRUE.equals(x.wrapUpRequired())).orElse(false));
    }
}
