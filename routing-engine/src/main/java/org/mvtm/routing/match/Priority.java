package org.mvtm.routing.match;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.TierWeights;
import org.mvtm.routing.store.InteractionRecord;

/**
 * Customer priority that ages with wait relative to the queue's SLA threshold:
 * {@code basePriority + tierWeight * weight(tier) + agingWeight * waited / threshold}, where the tier's weight is
 * the routing weight an administrator gave it ({@link TierWeights}). Waiting customers are served highest
 * priority first, earliest arrival on ties, across every queue an advisor can serve.
 */
public final class Priority {
    private Priority() {
    }

    public static double of(QueueConfig queue, InteractionRecord ix, Instant now, TierWeights tiers) {
        double waited = Math.max(0, Duration.between(ix.enqueuedAt(), now).toMillis());
        double threshold = queue.sla().threshold().toMillis();
        return queue.basePriority()
                + queue.aging().tierWeight() * tiers.weight(ix.interaction().customer().tier())
                + queue.aging().agingWeight() * waited / threshold;
    }

    /** A waiting customer with its priority computed once per round. */
    public record Ranked(InteractionRecord record, QueueConfig queue, double priority) {
    }

    public static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::priority).reversed()
            .thenComparingLong(r -> r.record().seq());
}
