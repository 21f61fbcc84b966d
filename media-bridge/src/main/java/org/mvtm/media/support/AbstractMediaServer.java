package org.mvtm.media.support;

import java.util.Optional;
import java.util.Set;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaEventListener;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;

/**
 * What every {@link MediaServer} adapter does the same way around its {@link SessionRegistry}: a session per
 * interaction made by {@link #newSession} on first use, the listeners, and closing (no new session once closed,
 * every session released, then the adapter's own resources). Thread-safe.
 *
 * @param <S> the adapter's session type
 */
public abstract class AbstractMediaServer<S extends MediaSession> implements MediaServer {
    /** The adapter's sessions and listeners; its sessions forget themselves and publish their events here. */
    protected final SessionRegistry<S> sessions = new SessionRegistry<>();
    private volatile boolean closed;

    /** A new session for the interaction (called once per interaction, until it is released). */
    protected abstract S newSession(InteractionId interaction);

    /** Frees what the adapter holds besides its sessions (threads, sockets, a connection); called once by close. */
    protected abstract void closeResources();

    @Override
    public final MediaSession session(InteractionId interaction) {
        if (closed) {
            throw new MediaException("media server is closed");
        }
        return sessions.session(interaction, this::newSession);
    }

    @Override
    public final Optional<MediaSession> find(InteractionId interaction) {
        return sessions.find(interaction);
    }

    @Override
    public final Registration addListener(MediaEventListener listener) {
        return sessions.addListener(listener);
    }

    @Override
    public final Set<InteractionId> activeSessions() {
        return sessions.active();
    }

    @Override
    public final void close() {
        closed = true;
        for (S s : sessions.sessions()) {
            s.release();
        }
        closeResources();
    }
}
