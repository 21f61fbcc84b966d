package org.mvtm.routing.api;

/**
 * Priority of a waiting customer: {@code basePriority + tierWeight * weight(tier) + agingWeight * waited / slaThreshold}
 * (the tier's weight from {@link TierWeights}, by default its rank).
 * Because the aging term grows without bound, every customer eventually outranks any fresh arrival: no one starves.
 * With the defaults (tier 1.0, aging 1.0) a standard customer who has waited two SLA thresholds outranks a fresh VIP.
 */
public record AgingRule(double tierWeight, double agingWeight) {
    public AgingRule {
        if (tierWeight < 0 || !Double.isFinite(tierWeight)) {
            throw new IllegalArgumentException("aging tierWeight must be >= 0 but was " + tierWeight);
        }
        if (!(agingWeight > 0) || !Double.isFinite(agingWeight)) {
            throw new IllegalArgumentException("aging agingWeight must be > 0 (otherwise customers can starve) but was " + agingWeight);
        }
    }

    public static AgingRule defaults() {
        return new AgingRule(1.0, 1.0);
    }
}
