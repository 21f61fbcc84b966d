package org.mvtm.web.agent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.id.InteractionId;

/**
 * Calls that ended before their advisor's desk was told they connected. Routing publishes a call's acceptance and a
 * quick end (the customer hangs up at once) from different threads, and a desk is told of the connection on a
 * worker, so the end can come first and find no desk that holds the call; the desk would then keep, and show, a
 * call that is over. The end is kept here (the last {@link #KEPT}) until the desk has connected the call, which
 * then ends it at once, unless routing says the call is connected to that desk's advisor (the mark was then an
 * earlier advisor's, who transferred the call to this one). Each side acts, then looks for the other's mark: the end
 * is marked, then the desks are looked at again; the desk connects, then takes the mark (see {@link AdvisorChannel}).
 */
final class EndsBeforeConnect {
    static final int KEPT = 256;

    /** How the call ended, as the console's {@code ended} message says it. */
    record End(String endedBy, Instant at) {
    }

    private final Map<InteractionId, End> ends = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InteractionId, End> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void mark(InteractionId interaction, End end) {
        ends.put(interaction, end);
    }

    synchronized Optional<End> take(InteractionId interaction) {
        return Optional.ofNullable(ends.remove(interaction));
    }
}
