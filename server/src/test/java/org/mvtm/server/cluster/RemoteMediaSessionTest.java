package org.mvtm.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.LegExistsException;
import org.mvtm.media.api.MediaException;
import org.mvtm.server.ServerProcess;
import org.mvtm.testing.RedisServerProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node's relay as another node of the cluster drives it (its internal media API over HTTP, on a real server): a
 * desk-phone leg still held there by an earlier offer is refused as taken, distinguishable from a failure, so the
 * node placing the next offer waits for it instead of giving up.
 */
@Tag("peer")
class RemoteMediaSessionTest {
    private static final String SECRET = "remote-media-test-secret-0123456789";

    @Test
    void aLegStillHeldOnTheMediaNodeIsRefusedAsTakenAndMadeAgainOnceRemoved(@TempDir Path dir) throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
             ServerProcess node = ServerProcess.startNode(dir, "media-home", redis, SECRET)) {
            node.awaitHealthy(Duration.ofMinutes(5));
            HttpClient http = HttpClient.newHttpClient();
            JsonMapper json = JsonMapper.builder().build();
            RemoteMediaSession call = new RemoteMediaSession(InteractionId.of("remote-leg-taken"), node.baseUrl(),
                    SECRET, http, json);
            assertThat(call.createRtpOffer("sip-advisor", Party.ADVISOR)).contains("m=audio ");

            assertThatThrownBy(() -> call.createRtpOffer("sip-advisor", Party.ADVISOR))
                    .isInstanceOf(LegExistsException.class).hasMessageContaining("sip-advisor already exists");
            assertThatThrownBy(() -> call.createRtpOffer("", Party.ADVISOR))
                    .as("a bad request stays a failure, not a taken leg")
                    .isInstanceOf(MediaException.class).isNotInstanceOf(LegExistsException.class)
                    .hasMessageContaining("400 'legId' is required");
            assertThatThrownBy(() -> new RemoteMediaSession(InteractionId.of("remote-leg-taken"), node.baseUrl(),
                    "not-the-secret-0123456789", http, json).createRtpOffer("sip-advisor", Party.ADVISOR))
                    .isInstanceOf(MediaException.class).isNotInstanceOf(LegExistsException.class)
                    .hasMessageContaining("403");

            call.removeLeg("sip-advisor");
            assertThat(call.createRtpOffer("sip-advisor", Party.ADVISOR)).contains("m=audio ");
            call.release();
        }
    }
}
