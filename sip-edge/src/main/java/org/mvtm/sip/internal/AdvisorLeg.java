package org.mvtm.sip.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.state.TransitionTable;

/**
 * The B2BUA's leg towards an advisor's registered desk phone (UAC side; RFC 3261 figure 5 seen from the dialog):
 *
 * <pre>
 *   CALLING ──1xx──► RINGING ──2xx/ACK──► CONNECTED ──BYE──► ENDED
 *      │                │
 *      └─ 4xx-6xx, timeout, I/O error, CANCEL ─► ENDED
 * </pre>
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>CALLING</td><td>RINGING, CONNECTED, ENDED</td></tr>
 *   <tr><td>RINGING</td><td>CONNECTED, ENDED</td></tr>
 *   <tr><td>CONNECTED</td><td>ENDED</td></tr>
 *   <tr><td>ENDED</td><td>-</td></tr>
 * </table>
 */
final class AdvisorLeg extends StatefulCallPart<AdvisorLeg.State> {

    enum State { CALLING, RINGING, CONNECTED, ENDED }

    static final TransitionTable<State> TABLE = TransitionTable.of("advisor leg", State.class)
            .from(State.CALLING).to(State.RINGING, State.CONNECTED, State.ENDED)
            .from(State.RINGING).to(State.CONNECTED, State.ENDED)
            .from(State.CONNECTED).to(State.ENDED)
            .build();

    final InteractionId interaction;
    final AgentId advisor;
    /**
     * The call was accepted already and this leg calls the advisor's phone again after a node died
     * ({@link AdvisorLegs#reconnect}): routing is not asked on 2xx, and a failed leg ends the call instead of
     * declining an offer.
     */
    final boolean reconnect;
    ClientTransaction invite;
    Dialog dialog;
    /** Any response (even 100 Trying) came back: the phone is reachable. */
    boolean heard;
    /** This leg made the call's advisor leg in the relay (so ending it frees that leg; else it is another offer's). */
    boolean mediaMade;
    /** INVITEs given up on before the phone said anything: CANCELled on its first provisional response. */
    final Set<ClientTransaction> heldCancels = new HashSet<>();
    ScheduledFuture<?> deadline;
    /** The Call-ID under which the established dialog is in the shared store (removed when the leg ends), or null. */
    String sharedCallId;

    AdvisorLeg(InteractionId interaction, AgentId advisor, boolean reconnect) {
        super(TABLE, interaction + "/" + advisor, State.CALLING);
        this.interaction = interaction;
        this.advisor = advisor;
        this.reconnect = reconnect;
    }

    boolean ringing() {
        return state() == State.CALLING || state() == State.RINGING;
    }
}
