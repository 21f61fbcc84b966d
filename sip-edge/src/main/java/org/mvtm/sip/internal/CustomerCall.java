package org.mvtm.sip.internal;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.mvtm.core.Interaction;
import org.mvtm.core.state.TransitionTable;

/**
 * A customer's call into a queue (the UAS side of the B2BUA). Follows the INVITE server transaction of RFC 3261
 * figure 7 from the dialog's point of view:
 *
 * <pre>
 *   INVITE ──► TRYING ──183 + early media──► QUEUED ──200 OK (advisor accepted)──► CONNECTED
 *                │                             │                                      │
 *                └── 4xx/5xx ──► ENDED ◄── CANCEL/failure ──┘          BYE/session expiry ─┘
 * </pre>
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>TRYING</td><td>QUEUED, ENDED</td></tr>
 *   <tr><td>QUEUED</td><td>CONNECTED, ENDED</td></tr>
 *   <tr><td>CONNECTED</td><td>ENDED</td></tr>
 *   <tr><td>ENDED</td><td>-</td></tr>
 * </table>
 * Guarded by {@link #lock}; handlers hold it while they act on the call.
 */
final class CustomerCall extends StatefulCallPart<CustomerCall.State> {

    enum State { TRYING, QUEUED, CONNECTED, ENDED }

    static final TransitionTable<State> TABLE = TransitionTable.of("customer call", State.class)
            .from(State.TRYING).to(State.QUEUED, State.ENDED)
            .from(State.QUEUED).to(State.CONNECTED, State.ENDED)
            .from(State.CONNECTED).to(State.ENDED)
            .build();

    final String callId;
    /** Replaced once, under the lock, when the IVR queues the caller with its language and context. */
    Interaction interaction;
    final ServerTransaction invite;
    final Request inviteRequest;
    final Dialog dialog;
    final Instant arrivedAt;
    final int maxForwards;
    final String customerAor;
    /** Our To tag, the same on every response to the INVITE. */
    final String localTag = SipContext.newTag();
    /** The SDP answer sent in 183 and repeated in 200 OK. */
    String sdpAnswer;
    /** Negotiated RFC 4028 interval in seconds, 0 if the caller does not support timers. */
    int sessionExpires;
    ScheduledFuture<?> sessionTimer;
    /** The 183 repeated while the call waits to be answered ({@link EarlyProgress}), or null. */
    ScheduledFuture<?> progressRepeat;
    /** The caller's ACK of our 200 OK has come. */
    boolean acknowledged;
    /** The call ended before that ACK came: its BYE waits for it (RFC 3261 15). */
    boolean byeHeldBack;
    boolean held;
    /** The Call-ID under which the established dialog is in the shared store (removed when the call ends), or null. */
    String sharedCallId;

    CustomerCall(String callId, Interaction interaction, ServerTransaction invite, Dialog dialog, Instant arrivedAt,
                 int maxForwards, String customerAor) {
        super(TABLE, interaction.id(), State.TRYING);
        this.callId = callId;
        this.interaction = interaction;
        this.invite = invite;
        this.inviteRequest = invite.getRequest();
        this.dialog = dialog;
        this.arrivedAt = arrivedAt;
        this.maxForwards = maxForwards;
        this.customerAor = customerAor;
    }
}
