package org.mvtm.server.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.mvtm.core.id.InteractionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the node that holds a call's media, taking the call over when its home died. A browser whose node was killed
 * reconnects to a survivor and offers again within a second or two, while the dead node's lease ({@link MediaHome})
 * still runs for up to {@link MediaHome#LEASE}: forwarding the offer to a node that does not answer would fail. So
 * when the home refuses connections, this waits for the rest of its lease (never longer than two leases) and claims
 * the call through {@link MediaHome}'s fenced takeover; the offer is then answered by this node's relay.
 *
 * <p>Runs on the request's (virtual) thread; a live home is checked with one TCP connect.
 */
final class MediaTakeover {
    private static final Logger log = LoggerFactory.getLogger(MediaTakeover.class);
    private static final Duration CONNECT = Duration.ofSeconds(1);

    private final MediaHome home;

    MediaTakeover(MediaHome home) {
        this.home = home;
    }

    /** The node holding the call's media: an answering node, or this one after taking the call over. */
    String home(InteractionId interaction) {
        String node = home.claim(interaction);
        if (node.equals(home.self()) || answers(node)) {
            return node;
        }
        long deadline = System.nanoTime() + MediaHome.LEASE.multipliedBy(2).toNanos();
        log.info("media home {} of {} does not answer: waiting for its lease to run out", node, interaction);
        while (true) {
            long left = home.leaseLeft(node).toMillis();
            if (left > 0) {
                try {
                    Thread.sleep(left + 20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return node;
                }
            }
            String now = home.claim(interaction);
            if (now.equals(home.self())) {
                return now;
            }
            if (!now.equals(node) && answers(now) || System.nanoTime() > deadline) {
                return now;
            }
            node = now;
        }
    }

    private static boolean answers(String nodeUrl) {
        URI uri = URI.create(nodeUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) CONNECT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
