package org.mvtm.routing.state;

import static org.mvtm.routing.api.InteractionStatus.ABANDONED;
import static org.mvtm.routing.api.InteractionStatus.CONNECTED;
import static org.mvtm.routing.api.InteractionStatus.ENDED;
import static org.mvtm.routing.api.InteractionStatus.OFFERED;
import static org.mvtm.routing.api.InteractionStatus.QUEUED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionStatus;

/**
 * The interaction life cycle, one table:
 * <pre>
 *   QUEUED    -&gt; OFFERED | ABANDONED
 *   OFFERED   -&gt; CONNECTED | QUEUED (rejected, no answer, lease expired) | ABANDONED
 *   CONNECTED -&gt; ENDED | QUEUED (transfer)
 *   ENDED, ABANDONED: final
 * </pre>
 */
public final class InteractionTransitions {
    private static final Map<InteractionStatus, Set<InteractionStatus>> ALLOWED = new EnumMap<>(InteractionStatus.class);

    static {
        ALLOWED.put(QUEUED, EnumSet.of(OFFERED, ABANDONED));
        ALLOWED.put(OFFERED, EnumSet.of(CONNECTED, QUEUED, ABANDONED));
        ALLOWED.put(CONNECTED, EnumSet.of(ENDED, QUEUED));
        ALLOWED.put(ENDED, EnumSet.noneOf(InteractionStatus.class));
        ALLOWED.put(ABANDONED, EnumSet.noneOf(InteractionStatus.class));
    }

    private InteractionTransitions() {
    }

    public static boolean allowed(InteractionStatus from, InteractionStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<InteractionStatus> sourcesOf(InteractionStatus to) {
        Set<InteractionStatus> s = EnumSet.noneOf(InteractionStatus.class);
        ALLOWED.forEach((from, tos) -> {
            if (tos.contains(to)) {
                s.add(from);
            }
        });
        return s;
    }

    public static String illegal(InteractionId id, InteractionStatus from, InteractionStatus to) {
        return "interaction " + id + " cannot go from " + from + " to " + to;
    }
}
