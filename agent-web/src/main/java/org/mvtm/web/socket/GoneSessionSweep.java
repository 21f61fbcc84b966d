package org.mvtm.web.socket;

import java.util.HashSet;
import java.util.Set;
import org.mvtm.web.api.WebSessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a cluster a browser session can end where this node does not see it: another node signed it out or signed
 * someone else in (which gives it a new id), or the shared store let it expire. Each run asks the
 * {@link WebSessionStore} about all the sessions this node's sockets were opened in at once, and a session missing on
 * two runs in a row (not one caught between a sign-in here and its sockets following the new id) has its sockets
 * closed ({@link BrowserSessionSockets#ended}). A store that cannot answer closes nothing.
 */
final class GoneSessionSweep implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(GoneSessionSweep.class);
    private final BrowserSessionSockets sockets;
    private final WebSessionStore store;
    private Set<String> missingBefore = Set.of();

    GoneSessionSweep(BrowserSessionSockets sockets, WebSessionStore store) {
        this.sockets = sockets;
        this.store = store;
    }

    @Override
    public synchronized void run() {
        Set<String> missing = new HashSet<>(sockets.sessions());
        try {
            missing.removeAll(store.kept(missing));
        } catch (RuntimeException e) {
            LOG.debug("the web session store did not answer; no socket is closed this time: {}", e.toString());
            return;
        }
        missing.stream().filter(missingBefore::contains).forEach(sockets::ended);
        missingBefore = missing;
    }
}
