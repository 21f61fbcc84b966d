package org.mvtm.server.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * This node's place in a cluster: whether there is one (Redis configured), the shared secret nodes present to each
 * other, this node's base URL as other nodes reach it, and the queue music this node plays to waiting callers.
 */
public record ClusterSettings(boolean enabled, String secret, String selfUrl, Path queueMusic) {
    /** Whether a caller presenting {@code presented} is another node of this cluster (constant-time compare). */
    public boolean admits(String presented) {
        return enabled && presented != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }
}
