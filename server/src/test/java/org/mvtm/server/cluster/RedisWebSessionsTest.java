package org.mvtm.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.testing.RedisServerProcess;
import org.springframework.session.MapSession;
import redis.clients.jedis.RedisClient;

/**
 * What every node is told of a browser session in the shared redis-server: it is kept once saved, a sign-in over it
 * (a shared desk: someone signs in where someone else is signed in) gives it a new id and leaves nothing under the
 * old one, and a sign-out drops it; a node closes the console sockets of a session that is no longer kept.
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
            assertThat(sessions.kept(List.of(first))).isEmpty();
            sessions.save(session);
            assertThat(sessions.kept(List.of(first))).containsExactly(first);

            MapSession signedIn = sessions.findById(first);
            signedIn.changeSessionId();
            sessions.save(signedIn);
            MapSession other = sessions.createSession();
            sessions.save(other);
            assertThat(sessions.kept(List.of(first, signedIn.getId(), other.getId(), "never-was")))
                    .as("asked together: the renamed one's new id and the other session")
                    .containsExactlyInAnyOrder(signedIn.getId(), other.getId());

            sessions.deleteById(signedIn.getId());
            assertThat(sessions.kept(List.of(signedIn.getId(), other.getId()))).containsExactly(other.getId());
            assertThat(sessions.kept(List.of())).isEmpty();
        }
    }
}
