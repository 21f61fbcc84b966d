package org.mvtm.reporting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallbackRequested;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.reporting.api.QueueTargets;

/**
 * Follows each interaction from its first offer to the end of its wrap-up and adds what happened to the interval it
 * was first offered in: offered once (a re-queue after a declined offer or a transfer is not a new offer), the first
 * answer with its wait against the queue's threshold, an abandon with its wait, and each advisor's talk, hold and
 * wrap-up on that advisor's row. Interactions this node never saw offered (relayed from another node) are ignored:
 * the node that offered them records them. Not thread-safe: one caller at a time (the reporting's serial executor).
 */
final class InteractionLedger {
    private final Intervals intervals;
    private final QueueTargets targets;
    private final IntervalSink sink;
    private final Map<InteractionId, Tracked> open = new HashMap<>();
    private final Map<AgentId, Wrap> wrapping = new HashMap<>();

    private static final class Tracked {
        final IntervalKey key;
        final Instant queuedAt;
        boolean answered;
        boolean callback;
        AgentId advisor;
        Instant connectedAt;
        Instant heldAt;
        long holdMs;

        Tracked(IntervalKey key, Instant queuedAt) {
            this.key = key;
            this.queuedAt = queuedAt;
        }
    }

    private record Wrap(IntervalKey key, Instant since) {}

    InteractionLedger(Intervals intervals, QueueTargets targets, IntervalSink sink) {
        this.intervals = intervals;
        this.targets = targets;
        this.sink = sink;
    }

    void on(ContactEvent event) {
        switch (event) {
            case InteractionQueued q -> queued(q);
            case OfferAccepted a -> accepted(a);
            case CallHeld h -> held(h);
            case InteractionTransferred t -> transferred(t);
            case InteractionEnded e -> ended(e);
            case InteractionAbandoned a -> abandoned(a);
            case CallbackRequested c -> callback(c);
            default -> {}
        }
    }

    /** The advisor left wrap-up: the wrap-up time of the interaction they handled last goes on their row. */
    void wrapUpOver(AgentId advisor, Instant at) {
        Wrap w = wrapping.remove(advisor);
        if (w != null) {
            add(w.key(), Measure.WRAP_MS, millis(w.since(), at));
        }
    }

    private void queued(InteractionQueued q) {
        InteractionId id = q.interaction().id();
        if (open.containsKey(id)) {
            return; // declined offer or transfer: still the same offer
        }
        var i = q.interaction();
        IntervalKey key = new IntervalKey(
                intervals.startOf(q.at()),
                i.queue().value(),
                i.channel().name(),
                i.customer().region().code(),
                "");
        open.put(id, new Tracked(key, q.at()));
        add(key, Measure.OFFERED, 1);
    }

    private void accepted(OfferAccepted a) {
        Tracked t = open.get(a.interaction());
        if (t == null) {
            return;
        }
        t.advisor = a.advisor();
        t.connectedAt = a.at();
        t.heldAt = null;
        t.holdMs = 0;
        if (!t.answered) {
            t.answered = true;
            long wait = millis(t.queuedAt, a.at());
            Duration within = targets.answerWithin(t.key.queue());
            Map<Measure, Long> m = new EnumMap<>(Measure.class);
            m.put(Measure.ANSWERED, 1L);
            m.put(Measure.ANSWER_WAIT_MS, wait);
            m.put(Measure.ANSWERED_WITHIN_SLA, wait <= within.toMillis() ? 1L : 0L);
            sink.add(t.key.withAdvisor(a.advisor().value()), m);
        }
    }

    /** A customer chose a callback: counted once, in the interval the interaction was first offered in. */
    private void callback(CallbackRequested c) {
        Tracked t = open.get(c.interaction());
        if (t == null || t.callback) {
            return;
        }
        t.callback = true;
        add(t.key, Measure.CALLBACKS, 1);
    }

    private void held(CallHeld h) {
        Tracked t = open.get(h.interaction());
        if (t == null || t.connectedAt == null) {
            return;
        }
        if (h.held() && t.heldAt == null) {
            t.heldAt = h.at();
        } else if (!h.held() && t.heldAt != null) {
            t.holdMs += millis(t.heldAt, h.at());
            t.heldAt = null;
        }
    }

    private void transferred(InteractionTransferred tr) {
        Tracked t = open.get(tr.interaction());
        if (t == null || t.connectedAt == null) {
            return;
        }
        closeSegment(t, tr.at(), Measure.TRANSFERS);
        t.advisor = null;
        t.connectedAt = null;
    }

    private void ended(InteractionEnded e) {
        Tracked t = open.remove(e.interaction());
        if (t == null || t.connectedAt == null) {
            return;
        }
        wrapping.put(t.advisor, new Wrap(closeSegment(t, e.at(), Measure.HANDLED), e.at()));
    }

    private void abandoned(InteractionAbandoned a) {
        Tracked t = open.remove(a.interaction());
        if (t == null) {
            return;
        }
        Map<Measure, Long> m = new EnumMap<>(Measure.class);
        m.put(Measure.ABANDONED, 1L);
        m.put(Measure.ABANDON_WAIT_MS, a.waited().toMillis());
        sink.add(t.key, m);
    }

    /**
     * Ends the advisor's connected segment at {@code at} (a transfer or the end): its talk and hold time and one
     * {@code outcome} go to the advisor's interval, whose key is returned.
     */
    private IntervalKey closeSegment(Tracked t, Instant at, Measure outcome) {
        long hold = t.holdMs + (t.heldAt == null ? 0 : millis(t.heldAt, at));
        long connected = millis(t.connectedAt, at);
        Map<Measure, Long> m = new EnumMap<>(Measure.class);
        m.put(Measure.TALK_MS, Math.max(0, connected - hold));
        m.put(Measure.HOLD_MS, hold);
        m.put(outcome, 1L);
        t.heldAt = null;
        t.holdMs = 0;
        IntervalKey key = t.key.withAdvisor(t.advisor.value());
        sink.add(key, m);
        return key;
    }

    private void add(IntervalKey key, Measure measure, long amount) {
        Map<Measure, Long> m = new EnumMap<>(Measure.class);
        m.put(measure, amount);
        sink.add(key, m);
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
