package org.mvtm.media.kurento;

import java.time.Clock;
import org.kurento.client.KurentoClient;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.KurentoMediaConfig;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.support.AbstractMediaServer;

/**
 * {@link MediaServer} backed by Kurento Media Server: one MediaPipeline per call (created lazily with the first leg),
 * a WebRtcEndpoint or RtpEndpoint per leg, a WEBM RecorderEndpoint per leg while recording, PlayerEndpoints for
 * announcements.
 */
public final class KurentoMediaServer extends AbstractMediaServer<KurentoMediaSession> {
    final KurentoPort port;
    final KurentoMediaConfig config;
    final Clock clock;

    public KurentoMediaServer(KurentoPort port, KurentoMediaConfig config, Clock clock) {
        this.port = port;
        this.config = config;
        this.clock = clock;
    }

    /** Connects to Kurento at {@code config.wsUrl()}; fails with {@link MediaException} naming the URL. */
    public static MediaServer connect(KurentoMediaConfig config, Clock clock) {
        try {
            return new KurentoMediaServer(new KurentoClientPort(KurentoClient.create(config.wsUrl().toString())),
                    config, clock);
        } catch (RuntimeException e) {
            throw new MediaException("cannot connect to Kurento Media Server at " + config.wsUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    protected KurentoMediaSession newSession(InteractionId interaction) {
        return new KurentoMediaSession(this, interaction);
    }

    @Override
    protected void closeResources() {
        port.close();
    }

    void forget(KurentoMediaSession s) {
        sessions.forget(s.interaction(), s);
    }

    void publish(MediaEvent e) {
        sessions.publish(e);
    }
}
