package org.mvtm.server.cluster;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.ChainPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * How far each node's recordings are chained, in Redis, so that a survivor can continue the recording of a call whose
 * node died as the same recording. Each time a node's recording store has a manifest with more segments on disk, the
 * node writes {@code <prefix>:recording-chain:<interaction>} = recording id, part, segment count, chain head and its
 * own URL (a day's expiry); the writes leave the recording's writer thread at once and reach Redis in order on one
 * thread of their own. A recording that was continued is marked {@code <prefix>:recording-continued:<id>} = its number of parts
 * (kept), so the compliance view knows to gather its parts from every node and how many to expect.
 */
public final class RecordingChains implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordingChains.class);
    private static final long CHAIN_SECONDS = 24 * 3600;

    private final RedisClient redis;
    private final String chainPrefix;
    private final String continuedPrefix;
    private final String self;
    private final ExecutorService writes = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("recording-chains").factory());

    public RecordingChains(RedisClient redis, String keyPrefix, String selfUrl) {
        this.redis = redis;
        this.chainPrefix = keyPrefix + ":recording-chain:";
        this.continuedPrefix = keyPrefix + ":recording-continued:";
        this.self = selfUrl;
    }

    /** Where one of this node's recordings is chained now; returns at once (called on the recording's writer thread). */
    public void advanced(ChainPoint p) {
        String value = String.join("\n", p.recording().value(), Integer.toString(p.part()),
                Integer.toString(p.segments()), p.chainHead(), self);
        try {
            writes.execute(() -> {
                try {
                    redis.set(chainPrefix + p.interaction().value(), value, SetParams.setParams().ex(CHAIN_SECONDS));
                } catch (RuntimeException e) {
                    log.warn("could not publish the chain head of recording {}: {}", p.recording(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException closing) {
            log.debug("not publishing the chain head of {}: shutting down", p.recording());
        }
    }

    /** The last point {@code node} published for the recording of {@code interaction}, if it was that node's. */
    public Optional<ChainPoint> lastOf(InteractionId interaction, String node) {
        String value = redis.get(chainPrefix + interaction.value());
        if (value == null) {
            return Optional.empty();
        }
        String[] f = value.split("\n", -1);
        if (f.length != 5 || !f[4].equals(node)) {
            log.warn("the last chain head of {} is not node {}'s: {}", interaction, node, value.replace('\n', ' '));
            return Optional.empty();
        }
        return Optional.of(new ChainPoint(RecordingId.of(f[0]), interaction, Integer.parseInt(f[1]),
                Integer.parseInt(f[2]), f[3]));
    }

    /** The recording has parts on more than one node, {@code part} the latest (parts only grow). */
    public void markContinued(RecordingId recording, int part) {
        redis.set(continuedPrefix + recording.value(), Integer.toString(part));
    }

    /** How many parts the recording has: 1 unless it was continued on another node. */
    public int parts(RecordingId recording) {
        String n = redis.get(continuedPrefix + recording.value());
        return n == null ? 1 : Integer.parseInt(n);
    }

    public boolean continued(RecordingId recording) {
        return parts(recording) > 1;
    }

    @Override
    public void close() {
        writes.shutdown();
    }
}
