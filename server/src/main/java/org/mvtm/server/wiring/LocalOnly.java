package org.mvtm.server.wiring;

import java.util.Optional;
import java.util.Set;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaEventListener;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;

/** The media port of a single node: the local relay, whose lifecycle its own bean owns. */
final class LocalOnly implements MediaServer {
    private final MediaServer local;

    LocalOnly(MediaServer local) {
        this.local = local;
    }

    @Override
    public MediaSession session(InteractionId interaction) {
        return local.session(interaction);
    }

    @Override
    public Optional<MediaSession> find(InteractionId interaction) {
        return local.find(interaction);
    }

    @Override
    public Registration addListener(MediaEventListener listener) {
        return local.addListener(listener);
    }

    @Override
    public Set<InteractionId> activeSessions() {
        return local.activeSessions();
    }

    @Override
    public void close() {
        // the local relay bean closes itself
    }
}
