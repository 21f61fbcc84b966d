package org.mvtm.media.embedded;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaEventListener;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;

/** Embedded relay (work in progress). */
public final class EmbeddedMediaServer implements MediaServer {
    public EmbeddedMediaServer(EmbeddedMediaConfig config, Clock clock) {
    }

    @Override public MediaSession session(InteractionId interaction) { throw new MediaException("embedded relay not built yet"); }
    @Override public Optional<MediaSession> find(InteractionId interaction) { return Optional.empty(); }
    @Override public Registration addListener(MediaEventListener listener) { return () -> { }; }
    @Override public Set<InteractionId> activeSessions() { return Set.of(); }
    @Override public void close() { }
}
