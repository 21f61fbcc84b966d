package org.mvtm.server.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.support.CallMediaContract;

/**
 * The server's adapter of the SIP edge's media port over the real embedded media bridge keeps the same contract as
 * the edge's in-test relay: re-INVITEs re-offer the existing leg, holds act on the media, the queue music stops.
 */
class MediaCallMediaContractTest extends CallMediaContract {
    private MediaServer bridge;
    private Path dir;

    @Override
    protected CallMedia newCallMedia() throws Exception {
        dir = Files.createTempDirectory("call-media-contract");
        bridge = MediaServers.embedded(EmbeddedMediaConfig.defaults().withAddresses("127.0.0.1", "127.0.0.1")
                .withPorts(0, 0), Clock.systemUTC());
        return new MediaCallMedia(bridge, QueueMusic.ensure(dir));
    }

    @Override
    protected void closeCallMedia() throws Exception {
        bridge.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
