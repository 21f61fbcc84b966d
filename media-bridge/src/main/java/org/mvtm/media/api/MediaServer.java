package org.mvtm.media.api;

import java.util.Optional;
import java.util.Set;
import org.mvtm.core.id.InteractionId;

/**
 * The media port: one {@link MediaSession} per call. Create with {@link MediaServers}. Thread-safe.
 *
 * <p>Lifecycle: sessions are created on demand by {@link #session(InteractionId)} and live until
 * {@link MediaSession#release()}; {@link #close()} releases every session and frees all ports and threads.
 */
public interface MediaServer extends AutoCloseable {

    /** The call's media session, created on first use. */
    MediaSession session(InteractionId interaction);

    /** The call's media session if it exists and was not released. */
    Optional<MediaSession> find(InteractionId interaction);

    /**
     * Registers a listener for {@link MediaEvent}s of every session. Listeners run on a media thread and must not
     * block (hand work to a queue or virtual thread). Returns a handle that removes the listener.
     */
    Registration addListener(MediaEventListener listener);

    /** Interactions whose sessions are currently open. */
    Set<InteractionId> activeSessions();

    /** Releases every session; idempotent. */
    @Override
    void close();

    /** Removes what it registered; idempotent. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
