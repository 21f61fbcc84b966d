package org.mvtm.web.api;

/**
 * Where the web tier's HTTP sessions are kept beyond the node's memory: in a cluster the server keeps them in the
 * shared Redis, so a sign-in, a sign-out or an expiry may happen without this node seeing it. A single node has none.
 */
@FunctionalInterface
public interface WebSessionStore {
    /** True while the session with this id is kept (signed in or not); false once it was dropped, renamed or expired. */
    boolean holds(String sessionId);
}
