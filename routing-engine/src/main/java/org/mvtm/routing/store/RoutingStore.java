package org.mvtm.routing.store;

/** Where routing state lives (in memory or Redis). */
public interface RoutingStore extends AutoCloseable {
}
