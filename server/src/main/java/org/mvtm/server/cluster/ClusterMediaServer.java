package org.mvtm.server.cluster;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaEventListener;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The media port every module of a node uses. Alone (no {@link MediaHome}), it is this node's relay. In a cluster: an interaction's session lives on the node that first needed it
 * ({@link MediaHome}); there it is the local relay's session, elsewhere a {@link RemoteMediaSession} that forwards
 * signalling to it. A customer on node B and an advisor on node A thus meet in one relay. When the home died, the
 * first leg offered again here takes the call over ({@link MediaTakeover}) and this node's relay answers it.
 */
public final class ClusterMediaServer implements MediaServer {
    private final MediaServer local;
    private final MediaHome home;
    private final MediaTakeover takeover;
    private final String secret;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public ClusterMediaServer(MediaServer local, MediaHome home, String secret, JsonMapper json) {
        this.local = local;
        this.home = home;
        this.takeover = home == null ? null : new MediaTakeover(home);
        this.secret = secret;
        this.json = json;
    }

    /** A single node: every session is the local relay's. */
    public static ClusterMediaServer single(MediaServer local) {
        return new ClusterMediaServer(local, null, "", null);
    }

    @Override
    public MediaSession session(InteractionId interaction) {
        if (home == null) {
            return local.session(interaction);
        }
        String node = takeover.home(interaction);
        return node.equals(home.self()) ? local.session(interaction)
                : new RemoteMediaSession(interaction, node, secret, http, json);
    }

    @Override
    public Optional<MediaSession> find(InteractionId interaction) {
        Optional<String> node = home == null ? Optional.empty() : home.find(interaction);
        if (node.isEmpty() || node.get().equals(home.self())) {
            return local.find(interaction);
        }
        return Optional.of(new RemoteMediaSession(interaction, node.get(), secret, http, json));
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
