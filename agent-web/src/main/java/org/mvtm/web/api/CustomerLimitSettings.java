package org.mvtm.web.api;

/**
 * How much one customer may hold at once. The server may provide a bean of this type; otherwise
 * {@link #defaults()} applies.
 *
 * @param openConversations        conversations one customer may have open (with a page or app attached) at once
 * @param queuePlaces              of those, how many may wait in a queue or be with an advisor at once
 * @param conversationsPerMinute   new conversations one customer may start in any minute
 */
public record CustomerLimitSettings(int openConversations, int queuePlaces, int conversationsPerMinute) {
    public CustomerLimitSettings {
        if (openConversations < 1 || queuePlaces < 1 || conversationsPerMinute < 1) {
            throw new IllegalArgumentException("customer limits must be at least 1 but were openConversations="
                    + openConversations + ", queuePlaces=" + queuePlaces + ", conversationsPerMinute="
                    + conversationsPerMinute);
        }
    }

    public static CustomerLimitSettings defaults() {
        return new CustomerLimitSettings(1, 1, 10);
    }
}
