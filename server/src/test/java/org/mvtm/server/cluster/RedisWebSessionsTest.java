package org.mvtm.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.testing.RedisServerProcess;
import org.springframework.session.MapSession;
import redis.clients.jedis.RedisClient;

/**
 * What every node is told of a browser session in the shared redis-server: it is kept once saved, a sign-in over it
 * (a shared desk: someone signs in where someone else is signed in) gives it a new id and leaves nothing under the
 * old one (a node that read it from Redis once failed to: the generator of new ids is not stored), and a sign-out
 * drops it.
 */
@Tag("peer")
class RedisWebSessionsTest {
    @Test
    void aSessionIsKeptUntilASignInOverItRenamesItOrASignOutDropsIt() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
             RedisClient client = RedisClient.create(URI.create(redis.uri()))) {
            RedisWebSessions sessions = new RedisWebSessions(client, "test", Duration.ofMinutes(30), Clock.systemUTC());
            MapSession session = sessions.createSession();
            String first = session.getId();
            assertThat(sessions.findById(first)).isNull();
            sessions.save(session);
            assertThat(sessions.findById(first)).isNotNull();

            MapSession signedIn = sessions.findById(first);
            signedIn.changeSessionId();
            sessions.save(signedIn);
            assertThat(sessions.findById(first)).isNull();
            assertThat(sessions.findById(signedIn.getId())).isNotNull();

            sessions.deleteById(signedIn.getId());
            assertThat(sessions.findById(signedIn.getId())).isNull();
        }
    }
}
