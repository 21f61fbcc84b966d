package org.mvtm.server.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mvtm.web.api.WebSessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The web tier's HTTP sessions in the shared Redis (Spring Session's {@link SessionRepository}), so a console or a
 * customer page signed in on one node carries on at any other node without signing in again, and survives the death
 * of the node that signed it in. A session is stored under {@code <prefix>:web-session:<id>} as its serialised
 * attributes (the signed-in principal is a serialisable snapshot), expiring after its idle timeout; each request that
 * touches it saves it again and so renews it.
 */
public final class RedisWebSessions implements SessionRepository<MapSession>, WebSessionStore {
    private static final Logger log = LoggerFactory.getLogger(RedisWebSessions.class);

    /** What a stored session may hold: the JDK's, Spring's and this server's classes, nothing else. */
    private static final ObjectInputFilter ONLY_OURS = ObjectInputFilter.Config.createFilter(
            "maxdepth=40;java.**;org.springframework.**;org.mvtm.**;!*");

    private final RedisClient redis;
    private final String prefix;
    private final Duration idleTimeout;
    private final Clock clock;

    public RedisWebSessions(RedisClient redis, String keyPrefix, Duration idleTimeout, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + ":web-session:";
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(idleTimeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // signing in changes the session id (fixation protection): the old id must no longer reach it
            redis.del(key(session.getOriginalId()));
        }
        long seconds = Math.max(1, session.getMaxInactiveInterval().toSeconds());
        redis.set(key(session.getId()).getBytes(StandardCharsets.UTF_8), serialise(new MapSession(session)),
                SetParams.setParams().ex(seconds));
    }

    @Override
    public MapSession findById(String id) {
        byte[] stored = redis.get(key(id).getBytes(StandardCharsets.UTF_8));
        if (stored == null) {
            return null;
        }
        MapSession session = deserialise(stored);
        if (session == null || idleTooLong(session)) {
            deleteById(id);
            return null;
        }
        session.setLastAccessedTime(Instant.now(clock));
        // the generator is not stored with the session, and a sign-in over this session asks it for a new id
        session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance());
        return session;
    }

    /**
     * Which of these sessions are still kept, one pipelined {@code EXISTS} each: a console socket opened in a session on
     * any node is closed once it is not.
     */
    @Override
    public Set<String> kept(Collection<String> sessionIds) {
        List<String> ids = List.copyOf(sessionIds);
        List<Response<Boolean>> answers = new ArrayList<>(ids.size());
        try (AbstractPipeline pipe = redis.pipelined()) {
            ids.forEach(id -> answers.add(pipe.exists(key(id))));
            pipe.sync();
        }
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (answers.get(i).get()) {
                kept.add(ids.get(i));
            }
        }
        return kept;
    }

    @Override
    public void deleteById(String id) {
        redis.del(key(id));
    }

    private boolean idleTooLong(MapSession session) {
        Duration idle = session.getMaxInactiveInterval();
        return !idle.isNegative() && session.getLastAccessedTime().plus(idle).isBefore(clock.instant());
    }

    private String key(String id) {
        return prefix + id;
    }

    private static byte[] serialise(MapSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        } catch (IOException e) {
            throw new IllegalStateException("web session " + session.getId() + " cannot be stored: " + e, e);
        }
        return bytes.toByteArray();
    }

    private static MapSession deserialise(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ONLY_OURS);
            return (MapSession) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.warn("a stored web session cannot be read (an older release's?): {}", e.toString());
            return null;
        }
    }
}
