package org.mvtm.sip.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import org.mvtm.core.CallbackNumber;
import org.mvtm.core.Interaction;
import org.mvtm.core.state.TransitionTable;

/**
 * A SIP caller's callback: asked for while queued, kept in the queue after the caller hung up, dialled out through
 * the trunk when an advisor accepted (the UAC side of the B2BUA towards the customer):
 *
 * <pre>
 *   WAITING ──advisor accepted──► DIALLING ──2xx/ACK──► CONNECTED ──BYE (either side)──► ENDED
 *      │                          │   ▲
 *      │            refused, no   │   │ next try after the interval
 *      │            answer        ▼   │
 *      │                          RETRYING ──last try failed──► FAILED
 *      └── interaction ended or abandoned elsewhere ──► ENDED
 * </pre>
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>WAITING</td><td>DIALLING, ENDED</td></tr>
 *   <tr><td>DIALLING</td><td>CONNECTED, RETRYING, FAILED, ENDED</td></tr>
 *   <tr><td>RETRYING</td><td>DIALLING, ENDED</td></tr>
 *   <tr><td>CONNECTED</td><td>ENDED</td></tr>
 *   <tr><td>FAILED</td><td>-</td></tr>
 *   <tr><td>ENDED</td><td>-</td></tr>
 * </table>
 * Guarded by {@link #lock}.
 */
final class CallbackCall extends StatefulCallPart<CallbackCall.State> {

    enum State { WAITING, DIALLING, RETRYING, CONNECTED, FAILED, ENDED }

    static final TransitionTable<State> TABLE = TransitionTable.of("SIP callback", State.class)
            .from(State.WAITING).to(State.DIALLING, State.ENDED)
            .from(State.DIALLING).to(State.CONNECTED, State.RETRYING, State.FAILED, State.ENDED)
            .from(State.RETRYING).to(State.DIALLING, State.ENDED)
            .from(State.CONNECTED).to(State.ENDED)
            .build();

    final Interaction interaction;
    final CallbackNumber number;
    int attempts;
    /** The current try's INVITE and dialog. */
    ClientTransaction invite;
    Dialog dialog;
    /** Any response to the current try came back (a CANCEL can be sent). */
    boolean heard;
    /** Tries given up on before the called side said anything: CANCELled on its first provisional response. */
    final Set<ClientTransaction> heldCancels = new HashSet<>();
    /** The ring timeout of the current try, or the wait before the next. */
    ScheduledFuture<?> timer;
    /** Why the last try failed, for the outcome. */
    String lastFailure = "";

    CallbackCall(Interaction interaction, CallbackNumber number) {
        super(TABLE, interaction.id(), State.WAITING);
        this.interaction = interaction;
        this.number = number;
    }

    boolean over() {
        return state() == State.ENDED || state() == State.FAILED;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
