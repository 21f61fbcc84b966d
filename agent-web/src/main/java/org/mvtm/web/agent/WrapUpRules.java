package org.mvtm.web.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Queue;
import org.mvtm.core.concurrent.KeyedLanes;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.QueueId;
import org.mvtm.web.call.WebWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a wrap-up must hold, by the queue's configuration in the administration module: the codes an advisor may
 * choose (the queue's wrap-up codes, or the default list when the queue has none) and whether the queue requires the
 * wrap-up (a code and notes) before the advisor is Ready again.
 *
 * <p>Every queue's rules are read from the database at start and again after each change an administrator makes
 * ({@link AdministrationChanged}): a change made on this node is read on the thread that made it, before its answer
 * goes out, and one relayed from another node in the background; one read at a time, so the last one read the newest
 * rows. A call's end never waits for the database, whichever thread announces it (a SIP thread, the event relay).
 * While the database does not answer the advisor still gets the wrap-up form, with the rules last read, or for a
 * queue not read since the start the default codes, not required; such a queue asks for a new read at most once
 * every {@link #RETRY_AFTER}.
 */
@Component
class WrapUpRules {
    private static final Logger log = LoggerFactory.getLogger(WrapUpRules.class);
    /** The codes of a queue that lists none (and of a server without a system of record). */
    static final List<Code> DEFAULT_CODES = List.of(new Code("RESOLVED", "Resolved"),
            new Code("CARD_BLOCKED", "Card blocked"), new Code("FOLLOW_UP", "Follow-up needed"),
            new Code("COMPLAINT", "Complaint"), new Code("SALES_LEAD", "Sales lead"));
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final Rules UNREAD = new Rules(DEFAULT_CODES, false);

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
    private final Clock clock;
    /** One lane with one key: one read at a time. */
    private final KeyedLanes<String> reads;
    private static final String READS = "all queues";
    private final AtomicBoolean readPending = new AtomicBoolean();
    private final ReentrantLock reading = new ReentrantLock();
    /** Replaced whole by each read that worked; kept as it is when a read fails. */
    private volatile Map<QueueId, Rules> known = Map.of();
    private volatile Instant lastRead;
    private volatile boolean failing;

    WrapUpRules(ObjectProvider<AdministrationService> admin, EventBus events, Clock clock, WebWorkers workers) {
        this.admin = Optional.ofNullable(admin.getIfAvailable());
        this.clock = clock;
        this.reads = workers.lanes("wrap-up-rules");
        events.subscribe(AdministrationChanged.class, e -> {
            if (events.relayed()) {
                readSoon(); // on the thread that relays other nodes' events: it must not wait
            } else {
                this.admin.ifPresent(a -> read());
            }
        });
        readSoon();
    }

    /** The queue's rules as last read; never waits for the database. */
    Rules of(QueueId queue) {
        Rules kept = known.get(queue);
        if (kept != null) {
            return kept;
        }
        Instant last = lastRead;
        if (last == null || !clock.instant().isBefore(last.plus(RETRY_AFTER))) {
            readSoon(); // not read since the start, or a queue created a moment ago on another node
        }
        return UNREAD;
    }

    /** Several changes in a burst make one read; a change during a read makes one more, after it. */
    private void readSoon() {
        if (admin.isPresent() && readPending.compareAndSet(false, true)) {
            reads.submit(READS, "read the wrap-up rules", () -> {
                readPending.set(false);
                read();
            });
        }
    }

    private void read() {
        reading.lock();
        try {
            readNewest();
        } finally {
            reading.unlock();
        }
    }

    private void readNewest() {
        lastRead = clock.instant();
        Map<QueueId, Rules> read = new HashMap<>();
        try {
            for (Queue q : admin.orElseThrow().queues()) {
                read.put(QueueId.of(q.id()), rules(q));
            }
        } catch (RuntimeException e) {
            failing = true;
            log.warn("the wrap-up rules could not be read ({}); the rules last read apply, the default codes, not "
                    + "required, for a queue never read; asked again after {} s or the next change", e.toString(),
                    RETRY_AFTER.toSeconds());
            return;
        }
        known = Map.copyOf(read);
        if (failing) {
            failing = false;
            log.info("the wrap-up rules are read again ({} queues)", read.size());
        }
    }

    private static Rules rules(Queue q) {
        List<Code> codes = q.wrapUpCodes() == null || q.wrapUpCodes().isEmpty() ? DEFAULT_CODES
                : q.wrapUpCodes().stream().map(x -> new Code(x.code(), x.label())).toList();
        return new Rules(codes, Boolean.TRUE.equals(q.wrapUpRequired()));
    }
}
