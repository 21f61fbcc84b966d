package org.mvtm.routing.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AssignmentExplanation;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Routing state in Redis, shared by every node. Each mutation is one Lua script ({@link RedisScripts}) so it is atomic
 * and checks the state it expects; offers carry a fencing token from {@code <prefix>:fence} and a lease in
 * {@code <prefix>:leases}. Reads are pipelined. Key layout: see docs/routing-engine.md.
 */
public final class RedisRoutingStore implements RoutingStore {
    /** Ended and abandoned interactions (and their explanations) are kept this long, in seconds. */
    static final long FINISHED_RETENTION_SECONDS = 7 * 24 * 3600;
    private static final int PAYLOAD_CACHE_LIMIT = 100_000;

    private final RedisClient redis;
    private final String p;
    private final Map<String, String> shas = new ConcurrentHashMap<>();
    private final Map<String, Interaction> payloads = new ConcurrentHashMap<>();
    private final Map<String, Advisor> profiles = new ConcurrentHashMap<>();
    /**
     * One permit per pooled connection: callers (often virtual threads) queue here, fairly, instead of contending
     * inside the connection pool, which spins when many threads wait for few connections.
     */
    private final Semaphore permits = new Semaphore(POOL_SIZE, true);
    static final int POOL_SIZE = 8;

    private interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private Permit permit() {
        permits.acquireUninterruptibly();
        return permits::release;
    }

    private final Map<Channel, Integer> defaultCapacity;

    public RedisRoutingStore(String uri, String prefix) {
        this(uri, prefix, Advisor.DEFAULT_CAPACITY);
    }

    /** @param defaultCapacity capacity for channels an advisor profile does not mention (as the engine uses it) */
    public RedisRoutingStore(String uri, String prefix, Map<Channel, Integer> defaultCapacity) {
        this.defaultCapacity = Map.copyOf(defaultCapacity);
        URI u = URI.create(uri);
        if (!"redis".equals(u.getScheme()) && !"rediss".equals(u.getScheme())) {
            throw new IllegalArgumentException("redis uri must look like redis://host:port but was '" + uri + "'");
        }
        this.redis = RedisClient.create(u);
        this.p = prefix;
        redis.ping();
    }

    // ------------------------------------------------------------------ script plumbing

    private Outcome run(String script, Object... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add(p);
        for (Object a : args) {
            argv.add(String.valueOf(a));
        }
        Object reply;
        try (Permit ignored = permit()) {
            String sha = shas.computeIfAbsent(script, redis::scriptLoad);
            try {
                reply = redis.evalsha(sha, List.of(), argv);
            } catch (JedisNoScriptException e) { // Redis restarted and lost its script cache
                shas.put(script, redis.scriptLoad(script));
                reply = redis.evalsha(shas.get(script), List.of(), argv);
            }
        }
        List<?> r = (List<?>) reply;
        boolean applied = ((Number) r.get(0)).longValue() == 1;
        String failure = r.size() > 1 ? str(r.get(1)) : "";
        AgentId advisor = r.size() > 2 && !str(r.get(2)).isEmpty() ? AgentId.of(str(r.get(2))) : null;
        AdvisorState from = r.size() > 3 && !str(r.get(3)).isEmpty() ? AdvisorState.valueOf(str(r.get(3))) : null;
        AdvisorState to = r.size() > 4 && !str(r.get(4)).isEmpty() ? AdvisorState.valueOf(str(r.get(4))) : null;
        long value = r.size() > 5 ? ((Number) r.get(5)).longValue() : 0;
        return new Outcome(applied, applied ? null : failure, advisor, from, to, value);
    }

    private static String str(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private static long ms(Instant t) {
        return t.toEpochMilli();
    }

    private String akey(AgentId id) {
        return p + ":adv:" + id.value();
    }

    private String ikey(InteractionId id) {
        return p + ":ix:" + id.value();
    }

    // ------------------------------------------------------------------ advisors

    @Override
    public Outcome addAdvisor(Advisor advisor, Instant now) {
        return run(RedisScripts.ADD_ADVISOR, advisor.id().value(), RoutingCodec.advisor(advisor), ms(now),
                mediaCapacity(advisor), cap(advisor, Channel.CHAT));
    }

    @Override
    public Outcome updateAdvisor(Advisor advisor) {
        return run(RedisScripts.UPDATE_ADVISOR, advisor.id().value(), RoutingCodec.advisor(advisor),
                mediaCapacity(advisor), cap(advisor, Channel.CHAT));
    }

    private int cap(Advisor a, Channel c) {
        return Capacity.of(a, c, defaultCapacity);
    }

    /** The Lua pre-filter keeps an advisor offerable while media load is below the larger media capacity. */
    private int mediaCapacity(Advisor a) {
        return Math.max(cap(a, Channel.VIDEO), cap(a, Channel.VOICE));
    }

    @Override
    public Optional<AdvisorRecord> advisor(AgentId id) {
        try (Permit ignored = permit()) {
            Map<String, String> h = redis.hgetAll(akey(id));
            if (h.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(advisorRecord(h, redis.smembers(akey(id) + ":active")));
        }
    }

    @Override
    public List<AdvisorRecord> advisors() {
        return advisorsIn(p + ":advisors");
    }

    /** The advisors whose ids are in the set {@code setKey}, sorted by id. */
    private List<AdvisorRecord> advisorsIn(String setKey) {
        try (Permit ignored = permit()) {
            List<String> ids = new ArrayList<>(redis.smembers(setKey));
            ids.sort(null);
            List<Response<Map<String, String>>> hashes = new ArrayList<>(ids.size());
            List<Response<Set<String>>> actives = new ArrayList<>(ids.size());
            try (AbstractPipeline pipe = redis.pipelined()) {
                for (String id : ids) {
                    hashes.add(pipe.hgetAll(p + ":adv:" + id));
                    actives.add(pipe.smembers(p + ":adv:" + id + ":active"));
                }
                pipe.sync();
            }
            List<AdvisorRecord> out = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                Map<String, String> h = hashes.get(i).get();
                if (!h.isEmpty()) {
                    out.add(advisorRecord(h, actives.get(i).get()));
                }
            }
            return out;
        }
    }

    @Override
    public List<AdvisorRecord> offerableAdvisors(BiFunction<Advisor, Channel, Integer> capacity) {
        List<AdvisorRecord> out = new ArrayList<>();
        for (AdvisorRecord a : advisorsIn(p + ":offerable")) {
            if ((a.state() == AdvisorState.READY || a.state() == AdvisorState.BUSY) && a.offer().isEmpty()) {
                for (Channel c : Channel.values()) {
                    if (Capacity.hasRoom(a.load(), c, capacity.apply(a.profile(), c))) {
                        out.add(a);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private AdvisorRecord advisorRecord(Map<String, String> h, Set<String> active) {
        return RedisHashes.advisor(profiles.computeIfAbsent(h.get("profile"), RoutingCodec::advisor), h, active);
    }

    @Override
    public void attach(AgentId id, String node) {
        run(RedisScripts.ATTACH, id.value(), node);
    }

    @Override
    public void detach(AgentId id, String node) {
        run(RedisScripts.DETACH, id.value(), node);
    }

    @Override
    public Outcome changeState(AgentId id, AdvisorState to, Set<AdvisorState> allowedFrom, String reason, Instant now) {
        String allowed = allowedFrom.stream().map(Enum::name).collect(Collectors.joining(","));
        Outcome o = run(RedisScripts.CHANGE_STATE, id.value(), to.name(), allowed, reason == null ? "" : reason, ms(now));
        return o.applied() || !"state".equals(o.failure()) ? o : new Outcome(false, "state", id, o.from(), to, 0);
    }

    @Override
    public Outcome endWrapUp(AgentId id, Instant now) {
        return run(RedisScripts.END_WRAP_UP, id.value(), ms(now));
    }

    @Override
    public List<AgentId> dueWrapUps(Instant now) {
        try (Permit ignored = permit()) {
            return redis.zrangeByScore(p + ":wrapups", Double.NEGATIVE_INFINITY, ms(now)).stream().map(AgentId::of).toList();
        }
    }

    // ------------------------------------------------------------------ interactions

    @Override
    public Outcome enqueue(Interaction interaction, Optional<AgentId> pinned, Instant now) {
        String payload = RoutingCodec.interaction(interaction);
        Outcome o = run(RedisScripts.ENQUEUE, interaction.id().value(), payload, interaction.channel().name(),
                interaction.queue().value(), ms(now), pinned.map(AgentId::value).orElse(""));
        if (o.applied()) {
            cachePayload(interaction.id().value(), interaction);
        }
        return o;
    }

    private void cachePayload(String id, Interaction ix) {
        if (payloads.size() > PAYLOAD_CACHE_LIMIT) {
            payloads.clear();
        }
        payloads.put(id, ix);
    }

    @Override
    public Optional<InteractionRecord> interaction(InteractionId id) {
        try (Permit ignored = permit()) {
            Map<String, String> h = redis.hgetAll(ikey(id));
            return h.isEmpty() ? Optional.empty() : Optional.of(interactionRecord(id.value(), h));
        }
    }

    private InteractionRecord interactionRecord(String id, Map<String, String> h) {
        Interaction ix = payloads.get(id);
        if (ix == null) {
            ix = RoutingCodec.interaction(h.get("payload"));
            cachePayload(id, ix);
        }
        return RedisHashes.interaction(ix, h);
    }

    @Override
    public int waitingCount(QueueId queue) {
        try (Permit ignored = permit()) {
            return (int) redis.zcard(p + ":wq:" + queue.value());
        }
    }

    @Override
    public List<InteractionRecord> waiting(int window) {
        try (Permit ignored = permit()) {
            Map<String, String> lines;
            long total = redis.zcard(p + ":waiting");
            if (total <= window) {
                lines = redis.hgetAll(p + ":wline");
            } else {
                List<String> ids = redis.zrange(p + ":waiting", 0, window - 1L);
                List<String> values = redis.hmget(p + ":wline", ids.toArray(String[]::new));
                lines = new HashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    if (values.get(i) != null) {
                        lines.put(ids.get(i), values.get(i));
                    }
                }
            }
            List<String> missing = new ArrayList<>();
            for (String id : lines.keySet()) {
                if (!payloads.containsKey(id)) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                List<Response<String>> got = new ArrayList<>(missing.size());
                try (AbstractPipeline pipe = redis.pipelined()) {
                    for (String id : missing) {
                        got.add(pipe.hget(p + ":ix:" + id, "payload"));
                    }
                    pipe.sync();
                }
                for (int i = 0; i < missing.size(); i++) {
                    String payload = got.get(i).get();
                    if (payload != null) {
                        cachePayload(missing.get(i), RoutingCodec.interaction(payload));
                    }
                }
            }
            List<InteractionRecord> out = new ArrayList<>(lines.size());
            lines.forEach((id, line) -> {
                Interaction ix = payloads.get(id);
                if (ix != null) {
                    out.add(RedisHashes.waiting(ix, line));
                }
            });
            out.sort(Comparator.comparingLong(InteractionRecord::seq));
            return out.size() > window ? out.subList(0, window) : out;
        }
    }

    @Override
    public Outcome reserve(InteractionId id, AgentId advisor, int capacity, String node, Instant now, Instant leaseUntil) {
        return run(RedisScripts.RESERVE, id.value(), advisor.value(), capacity, node, ms(now), ms(leaseUntil));
    }

    @Override
    public Outcome accept(InteractionId id, AgentId advisor, long token, long slaMillis, Instant now) {
        return run(RedisScripts.ACCEPT, id.value(), advisor.value(), token, slaMillis, ms(now));
    }

    @Override
    public Outcome decline(InteractionId id, AgentId advisor, long token, AdvisorState advisorNext, String reason, Instant now) {
        return run(RedisScripts.DECLINE, id.value(), advisor.value(), token, advisorNext.name(), reason == null ? "" : reason, ms(now));
    }

    @Override
    public List<InteractionId> expiredLeases(Instant now) {
        try (Permit ignored = permit()) {
            return redis.zrangeByScore(p + ":leases", Double.NEGATIVE_INFINITY, ms(now)).stream().map(InteractionId::of).toList();
        }
    }

    @Override
    public Outcome expireLease(InteractionId id, Instant now) {
        return run(RedisScripts.EXPIRE_LEASE, id.value(), ms(now));
    }

    @Override
    public void renewLeases(Map<InteractionId, Long> tokens, Instant until) {
        if (tokens.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        args.add(ms(until));
        tokens.forEach((id, token) -> {
            args.add(id.value());
            args.add(token);
        });
        run(RedisScripts.RENEW, args.toArray());
    }

    @Override
    public Outcome complete(InteractionId id, Instant now, Instant wrapUntil) {
        return run(RedisScripts.COMPLETE, id.value(), ms(now), ms(wrapUntil), FINISHED_RETENTION_SECONDS);
    }

    @Override
    public Outcome abandon(InteractionId id, Instant now) {
        return run(RedisScripts.ABANDON, id.value(), ms(now), FINISHED_RETENTION_SECONDS);
    }

    @Override
    public Outcome unpin(InteractionId id) {
        return run(RedisScripts.UNPIN, id.value());
    }

    @Override
    public Outcome transfer(InteractionId id, QueueId queue, Optional<AgentId> pinned, Instant now, Instant wrapUntil) {
        return run(RedisScripts.TRANSFER, id.value(), queue.value(), pinned.map(AgentId::value).orElse(""), ms(now), ms(wrapUntil));
    }

    @Override
    public Outcome move(InteractionId id, QueueId queue, Instant now) {
        return run(RedisScripts.MOVE, id.value(), queue.value(), ms(now));
    }

    // ------------------------------------------------------------------ explanations, counters, nodes

    @Override
    public void addExplanation(AssignmentExplanation explanation) {
        try (Permit ignored = permit()) {
            redis.rpush(p + ":expl:" + explanation.interaction().value(), RoutingCodec.explanation(explanation));
        }
    }

    @Override
    public List<AssignmentExplanation> explanations(InteractionId id) {
        try (Permit ignored = permit()) {
            return redis.lrange(p + ":expl:" + id.value(), 0, -1).stream().map(RoutingCodec::explanation).toList();
        }
    }

    @Override
    public QueueCounters counters(QueueId queue) {
        try (Permit ignored = permit()) {
            Map<String, String> h = redis.hgetAll(p + ":q:" + queue.value());
            if (h.isEmpty()) {
                return QueueCounters.ZERO;
            }
            return RedisHashes.counters(h);
        }
    }

    @Override
    public Optional<AgentId> lastPicked(QueueId queue) {
        try (Permit ignored = permit()) {
            return Optional.ofNullable(redis.hget(p + ":rr", queue.value())).map(AgentId::of);
        }
    }

    @Override
    public void setLastPicked(QueueId queue, AgentId advisor) {
        try (Permit ignored = permit()) {
            redis.hset(p + ":rr", queue.value(), advisor.value());
        }
    }

    @Override
    public void heartbeat(String node, Instant now) {
        try (Permit ignored = permit()) {
            redis.hset(p + ":nodes", node, Long.toString(ms(now)));
        }
    }

    @Override
    public Map<String, Instant> nodes() {
        try (Permit ignored = permit()) {
            Map<String, Instant> out = new HashMap<>();
            redis.hgetAll(p + ":nodes").forEach((k, v) -> out.put(k, RedisHashes.at(v)));
            return out;
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
