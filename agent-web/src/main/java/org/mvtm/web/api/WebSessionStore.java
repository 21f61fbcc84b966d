package org.mvtm.web.api;

import java.util.Collection;
import java.util.Set;

/**
 * Where the web tier's HTTP sessions are kept beyond the node's memory: in a cluster the server keeps them in the
 * shared Redis, so a sign-in, a sign-out or an expiry may happen without this node seeing it. A single node has none.
 */
@FunctionalInterface
public interface WebSessionStore {
    /**
     * Those of these session ids that are still kept (signed in or not), in one round trip to the store: a session
     * dropped, renamed or expired is not among them.
     */
    Set<String> kept(Collection<String> sessionIds);
}
