package org.mvtm.server.cluster;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.log.FailureStreakLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Which node holds an interaction's media session. The first node that needs the session claims it; every other node
 * forwards its legs there. The same node records the session, so the recording tap always sits next to the relay.
 *
 * <p>A claim is only as good as its node's lease: each node keeps {@code <prefix>:node-alive:<url>} alive in Redis
 * (renewed every third of {@code lease}). When a node dies (kill -9, power loss) its lease runs out within
 * {@code lease}, and the next node that needs one of its sessions takes the claim over in one Lua script that checks
 * the old home is still the dead one (so two survivors never both take it) and raises the claim's epoch, the fencing
 * token. A node that was only paused finds, when it comes back, that the claim names another node: it is no longer
 * the home ({@link #isHere}), never two owners.
 *
 * <p>The lease is renewed on a Redis connection of its own ({@link #leaseConnection}), never the node's shared pool:
 * on a busy node the shared pool's connections are all taken by sessions, events and claims, and a renewal waiting
 * behind them let the other node take a live node's calls (whose media stayed in this node's relay).
 */
public final class MediaHome implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaHome.class);
    /** How long a node's claims outlive its last renewal: a dead node's calls pass to a survivor within this. */
    public static final Duration LEASE = Duration.ofSeconds(5);
    private static final long CLAIM_SECONDS = 24 * 3600;
    /**
     * KEYS: claim, epoch, alive prefix (a prefix only). ARGV: self, claim ttl. Returns {home, epoch, dead home taken
     * over or '', '1' when this call made the claim}.
     */
    private static final String CLAIM = """
            local home = redis.call('GET', KEYS[1])
            if home and (home == ARGV[1] or redis.call('EXISTS', KEYS[3] .. home) == 1) then
              return {home, redis.call('GET', KEYS[2]) or '0', '', '0'}
            end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            local epoch = redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return {ARGV[1], tostring(epoch), home or '', '1'}
            """;
    /** KEYS: claim, epoch. ARGV: self. Deletes the claim only if it is still this node's. */
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1], KEYS[2])
              return 1
            end
            return 0
            """;

    private final RedisClient redis;
    private final RedisClient leaseRedis;
    private final String prefix;
    private final String alivePrefix;
    private final String selfUrl;
    private final Duration lease;
    private final ScheduledExecutorService renewer;
    private final List<Consumer<TakenOver>> takeovers = new CopyOnWriteArrayList<>();
    private final List<Consumer<InteractionId>> firstClaims = new CopyOnWriteArrayList<>();
    private volatile long lastRenewal = System.nanoTime();
    private final FailureStreakLog renewalFailures;

    /**
     * @param redis the node's shared client: claims, lookups, releases
     * @param leaseRedis a client used for nothing but this node's lease (see {@link #leaseConnection}); closed with
     *     this
     */
    public MediaHome(RedisClient redis, RedisClient leaseRedis, String keyPrefix, String selfUrl, Duration lease,
                     Clock clock) {
        this.renewalFailures = new FailureStreakLog(log, "renewing this node's media lease (when it runs out, other "
                + "nodes take this node's calls over)", clock, Duration.ofMinutes(1));
        this.redis = redis;
        this.leaseRedis = leaseRedis;
        this.prefix = keyPrefix + ":media-home:";
        this.alivePrefix = keyPrefix + ":node-alive:";
        this.selfUrl = selfUrl;
        this.lease = lease;
        renew();
        this.renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("media-home-lease").factory());
        long every = Math.max(100, lease.toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** A client of one connection to the Redis at {@code uri}, for a node's lease alone. */
    public static RedisClient leaseConnection(URI uri) {
        ConnectionPoolConfig one = new ConnectionPoolConfig();
        one.setMaxTotal(1);
        one.setMaxIdle(1);
        return RedisClient.builder().fromURI(uri).poolConfig(one).build();
    }

    private void renew() {
        renewalFailures.run(this::renewOnce);
    }

    private void renewOnce() {
        leaseRedis.set(alivePrefix + selfUrl, "1", SetParams.setParams().px(lease.toMillis()));
        long now = System.nanoTime();
        Duration since = Duration.ofNanos(now - lastRenewal);
        lastRenewal = now;
        if (since.compareTo(lease.dividedBy(2)) > 0) {
            log.warn("this node's media lease was renewed {} ms after the previous renewal (lease {} ms): when "
                    + "that reaches the lease, other nodes take this node's calls over", since.toMillis(),
                    lease.toMillis());
        }
    }

    public String self() {
        return selfUrl;
    }

    /** The base URLs of the other nodes whose lease is alive now. */
    public List<String> others() {
        return redis.keys(alivePrefix + "*").stream().map(k -> k.substring(alivePrefix.length()))
                .filter(n -> !n.equals(selfUrl)).sorted().toList();
    }

    /** The home node's base URL, claiming it for this node when nobody has or when its home's lease ran out. */
    public String claim(InteractionId interaction) {
        return claimWithEpoch(interaction).home();
    }

    /** A claim: the home node and the fencing token it holds it with (raised at every takeover). */
    public record Claim(String home, long epoch) {
    }

    public Claim claimWithEpoch(InteractionId interaction) {
        Object answer = redis.eval(CLAIM, List.of(prefix + interaction.value(), prefix + interaction.value() + ":epoch",
                alivePrefix), List.of(selfUrl, Long.toString(CLAIM_SECONDS)));
        List<?> pair = (List<?>) answer;
        Claim claim = new Claim(String.valueOf(pair.get(0)), Long.parseLong(String.valueOf(pair.get(1))));
        String dead = pair.size() > 2 ? String.valueOf(pair.get(2)) : "";
        boolean made = pair.size() > 3 && "1".equals(String.valueOf(pair.get(3)));
        if (made && dead.isEmpty()) {
            firstClaims.forEach(l -> l.accept(interaction));
        }
        if (!dead.isEmpty() && !dead.equals(selfUrl)) {
            log.info("media of {} taken over from dead node {} (epoch {})", interaction, dead, claim.epoch());
            TakenOver taken = new TakenOver(interaction, dead, claim.epoch());
            takeovers.forEach(l -> l.accept(taken));
        }
        return claim;
    }

    /** This node took an interaction's media over from {@code deadNode}, whose lease had run out. */
    public record TakenOver(InteractionId interaction, String deadNode, long epoch) {
    }

    /**
     * Called on the claiming thread (hand real work off) each time this node takes a call over from a dead node; the
     * Lua script makes that happen on one node only.
     */
    public void onTakeover(Consumer<TakenOver> listener) {
        takeovers.add(listener);
    }

    /**
     * Called on the claiming thread (hand real work off) when this node is the first to claim an interaction's media:
     * no node held it before. Once per interaction in the cluster (the Lua script sets the claim once); not called
     * for a takeover ({@link #onTakeover}) or when this node finds its own claim again.
     */
    public void onFirstClaim(Consumer<InteractionId> listener) {
        firstClaims.add(listener);
    }

    /** The current home, if it is alive; empty when nobody holds the session or its home died. */
    public Optional<String> find(InteractionId interaction) {
        String home = redis.get(prefix + interaction.value());
        return home != null && (home.equals(selfUrl) || redis.exists(alivePrefix + home)) ? Optional.of(home) : Optional.empty();
    }

    /** How long {@code node}'s lease still runs (zero when it has run out). */
    public Duration leaseLeft(String node) {
        long millis = redis.pttl(alivePrefix + node);
        return Duration.ofMillis(Math.max(0, millis));
    }

    public boolean isHere(InteractionId interaction) {
        return selfUrl.equals(claim(interaction));
    }

    /** Forgets the claim when this node held it (the call is over). */
    public void release(InteractionId interaction) {
        redis.eval(RELEASE, List.of(prefix + interaction.value(), prefix + interaction.value() + ":epoch"), List.of(selfUrl));
    }

    /** Stops renewing the lease without giving it up, as a node killed with -9 does (for tests). */
    void stopRenewing() {
        renewer.shutdownNow();
    }

    /** Stops renewing the lease and gives it up: the other nodes may take this node's sessions at once. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            leaseRedis.del(alivePrefix + selfUrl);
        } catch (RuntimeException e) {
            log.debug("could not give up the media lease", e);
        } finally {
            leaseRedis.close();
        }
    }
}
