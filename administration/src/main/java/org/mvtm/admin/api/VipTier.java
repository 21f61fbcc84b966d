package org.mvtm.admin.api;

/**
 * A customer tier: {@code rank} orders the tiers (0 = standard) and {@code routingWeight} is the priority a customer of
 * this tier starts with in every queue.
 */
public record VipTier(String code, String label, Integer rank, Double routingWeight) {}
