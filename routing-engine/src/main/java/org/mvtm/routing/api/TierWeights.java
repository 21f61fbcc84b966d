package org.mvtm.routing.api;

import java.util.EnumMap;
import java.util.Map;
import org.mvtm.core.CustomerTier;

/**
 * The routing weight each customer tier starts with, as an administrator sets it on the VIP tiers. A waiting
 * customer's priority is {@code basePriority + tierWeight(queue) * weight(tier) + aging}; a tier without a weight
 * counts its rank (0 standard, 1 premier, 2 VIP), which is also the default when nothing was set.
 */
public record TierWeights(Map<CustomerTier, Double> weights) {
    public TierWeights {
        weights = Map.copyOf(weights == null ? Map.of() : weights);
        weights.forEach((tier, w) -> {
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("routing weight of tier " + tier + " must be >= 0 but was " + w);
            }
        });
    }

    /** Every tier weighs its rank. */
    public static TierWeights ranks() {
        return new TierWeights(Map.of());
    }

    public static TierWeights of(Map<CustomerTier, Double> weights) {
        return new TierWeights(new EnumMap<>(weights));
    }

    public double weight(CustomerTier tier) {
        Double w = weights.get(tier);
        return w != null ? w : tier.rank();
    }
}
