package org.mvtm.routing.state;

import static org.mvtm.routing.api.InteractionStatus.ABANDONED;
import static org.mvtm.routing.api.InteractionStatus.CONNECTED;
import static org.mvtm.routing.api.InteractionStatus.ENDED;
import static org.mvtm.routing.api.InteractionStatus.OFFERED;
import static org.mvtm.routing.api.InteractionStatus.QUEUED;

import org.mvtm.core.id.InteractionId;
import org.mvtm.core.state.TransitionTable;
import org.mvtm.routing.api.InteractionStatus;

/**
 * The interaction life cycle, one table:
 * <pre>
 *   QUEUED    -&gt; OFFERED | QUEUED (a supervisor moves the waiting customer to another queue) | ABANDONED
 *   OFFERED   -&gt; CONNECTED | QUEUED (rejected, no answer, lease expired) | ABANDONED
 *   CONNECTED -&gt; ENDED | QUEUED (transfer)
 *   ENDED, ABANDONED: final
 * </pre>
 */
public final class InteractionTransitions {
    public static final TransitionTable<InteractionStatus> TABLE =
            TransitionTable.of("interaction", InteractionStatus.class)
                    .from(QUEUED).to(OFFERED, QUEUED, ABANDONED)
                    .from(OFFERED).to(CONNECTED, QUEUED, ABANDONED)
                    .from(CONNECTED).to(ENDED, QUEUED)
                    .build();

    private InteractionTransitions() {
    }

    /** The refusal message naming both states (the same words {@link TransitionTable#check} uses). */
    public static String illegal(InteractionId id, InteractionStatus from, InteractionStatus to) {
        return "interaction " + id + " cannot go from " + from + " to " + to;
    }
}
