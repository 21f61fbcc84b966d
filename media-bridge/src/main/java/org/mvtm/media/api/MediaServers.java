package org.mvtm.media.api;

import java.time.Clock;
import org.mvtm.media.embedded.EmbeddedMediaServer;
import org.mvtm.media.kurento.KurentoMediaServer;

/** Creates the default implementations of {@link MediaServer}. */
public final class MediaServers {
    private MediaServers() {
    }

    /** The embedded Java relay (ICE-lite, DTLS-SRTP, RTP). Owns its threads and ports until closed. */
    public static MediaServer embedded(EmbeddedMediaConfig config, Clock clock) {
        return new EmbeddedMediaServer(config, clock);
    }

    /**
     * A Kurento Media Server adapter; connects to {@code config.wsUrl()} on creation and fails with
     * {@link MediaException} if it cannot.
     */
    public static MediaServer kurento(KurentoMediaConfig config, Clock clock) {
        return KurentoMediaServer.connect(config, clock);
    }
}
