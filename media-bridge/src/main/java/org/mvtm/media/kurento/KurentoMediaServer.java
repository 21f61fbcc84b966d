package org.mvtm.media.kurento;

import java.time.Clock;
import org.mvtm.media.api.KurentoMediaConfig;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaServer;

/** Kurento adapter (work in progress). */
public final class KurentoMediaServer {
    private KurentoMediaServer() { }

    public static MediaServer connect(KurentoMediaConfig config, Clock clock) {
        throw new MediaException("Kurento adapter not built yet");
    }
}
