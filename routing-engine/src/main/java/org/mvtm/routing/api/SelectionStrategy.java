package org.mvtm.routing.api;

/** How a queue picks one advisor among the eligible ones for a customer. */
public enum SelectionStrategy {
    /** Highest skill match for the effective requirements, ties broken by the longest idle advisor. */
    BEST_SKILL_THEN_LONGEST_IDLE,
    /** Lowest current load (fraction of capacity in use), ties broken by the longest idle advisor. */
    LEAST_OCCUPIED,
    /** Advisors taken in turn (by id) per queue, starting after the one picked last. */
    ROUND_ROBIN
}
