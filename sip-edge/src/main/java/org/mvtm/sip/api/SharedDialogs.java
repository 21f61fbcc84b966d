package org.mvtm.sip.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mvtm.sip.internal.InMemorySharedDialogs;
import org.mvtm.sip.internal.RedisSharedDialogs;
import redis.clients.jedis.RedisClient;

/**
 * The established SIP dialogs of every node, so that a survivor can carry on the calls of a node that died (send the
 * phones a re-INVITE from itself and take their later requests). The edge saves a dialog when it is established and
 * removes it when it ends; a dialog is held by one node at a time. Every implementation passes the
 * {@code SharedDialogsContract} tests (sip-edge's test sources).
 */
public interface SharedDialogs {

    /** The node this store saves dialogs for. */
    String self();

    /** Saves {@code dialog} as held by this node (replacing any earlier copy and holder). */
    void save(SharedDialog dialog);

    Optional<SharedDialog> find(String callId);

    /** Forgets the dialog (it ended). Idempotent. */
    void remove(String callId);

    /** The dialogs {@code node} holds. */
    List<SharedDialog> heldBy(String node);

    /** The nodes that hold dialogs. */
    Set<String> nodes();

    /** One node: dialogs in this JVM only (nobody to take them over). */
    static SharedDialogs inMemory(String node) {
        return new InMemorySharedDialogs(node);
    }

    /**
     * Dialogs in Redis under {@code <keyPrefix>dialog:<call-id>} (a hash), with a set of Call-IDs per node and a set of
     * nodes, shared by every node. The caller owns {@code redis} and closes it.
     */
    static SharedDialogs redis(RedisClient redis, String keyPrefix, String node) {
        return new RedisSharedDialogs(redis, keyPrefix, node);
    }
}
