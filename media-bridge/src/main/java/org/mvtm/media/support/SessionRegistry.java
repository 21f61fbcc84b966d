package org.mvtm.media.support;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaEventListener;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@link MediaServer} adapter keeps the same way: one session per interaction, created on first use and
 * forgotten when released, and the event listeners, each called in turn so that one listener's failure never stops
 * media or the others. Thread-safe.
 *
 * @param <S> the adapter's session type
 */
public final class SessionRegistry<S extends MediaSession> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final ConcurrentHashMap<InteractionId, S> sessions = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<MediaEventListener> listeners = new CopyOnWriteArrayList<>();

    /** The interaction's session, created with {@code create} the first time. */
    public S session(InteractionId interaction, Function<InteractionId, S> create) {
        return sessions.computeIfAbsent(interaction, create);
    }

    public Optional<MediaSession> find(InteractionId interaction) {
        return Optional.ofNullable(sessions.get(interaction));
    }

    /** The sessions now (a live view: safe to iterate while sessions come and go). */
    public Collection<S> sessions() {
        return sessions.values();
    }

    public Set<InteractionId> active() {
        return Set.copyOf(sessions.keySet());
    }

    /** Forgets the session if it is still the one registered for its interaction. */
    public void forget(InteractionId interaction, S session) {
        sessions.remove(interaction, session);
    }

    public MediaServer.Registration addListener(MediaEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(MediaEvent event) {
        LOG.debug("{}", event);
        for (MediaEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("media event listener failed on {}", event, e);
            }
        }
    }
}
