package org.mvtm.sip.internal;

import java.text.ParseException;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;
import org.mvtm.core.state.TransitionTable;
import org.mvtm.sip.api.SharedDialog;

/**
 * A dialog another node established and this edge carries on after that node died. The stack of this node does not
 * know it (jain-sip cannot adopt a foreign dialog), so its requests are built here from the {@link SharedDialog}: same
 * Call-ID and tags, the next CSeq, this node's Contact so that the phone's later requests come here.
 *
 * <pre>
 *   re-INVITE sent ──2xx (ACKed here)──► CONFIRMED ──BYE either way──► ENDED
 *        └──────────── error, timeout ──────────────────────────────────┘
 * </pre>
 *
 * <table>
 *   <caption>allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>REINVITING</td><td>CONFIRMED, ENDED</td></tr>
 *   <tr><td>CONFIRMED</td><td>ENDED</td></tr>
 *   <tr><td>ENDED</td><td>-</td></tr>
 * </table>
 * Guarded by {@link #lock}.
 */
final class AdoptedDialog extends StatefulCallPart<AdoptedDialog.State> {

    enum State { REINVITING, CONFIRMED, ENDED }

    static final TransitionTable<State> TABLE = TransitionTable.of("adopted SIP dialog", State.class)
            .from(State.REINVITING).to(State.CONFIRMED, State.ENDED)
            .from(State.CONFIRMED).to(State.ENDED)
            .build();

    /** As saved: identity, parties, route set; {@link #remoteTarget} and {@link #localCseq} move on from it. */
    final SharedDialog saved;
    String remoteTarget;
    long localCseq;
    ClientTransaction reinvite;
    /** The re-INVITE carries no offer (the media leg was here already): the phone offers, the ACK answers. */
    boolean answerInAck;
    /** The answer the ACK carries (RFC 3261 13.2.2.4: also in the ACK of a retransmitted 2xx), or null. */
    String ackSdp;

    AdoptedDialog(SharedDialog saved) {
        super(TABLE, saved.interaction() + "/" + saved.callId(), State.REINVITING);
        this.saved = saved;
        this.remoteTarget = saved.remoteTarget();
        this.localCseq = saved.localCseq();
    }

    /** The dialog as it stands now, to save. */
    SharedDialog current(String peerSdp) {
        SharedDialog d = saved;
        return new SharedDialog(d.callId(), d.localTag(), d.remoteTag(), d.localUri(), d.remoteUri(), remoteTarget,
                d.routeSet(), d.transport(), localCseq, d.remoteCseq(), peerSdp, d.interaction(), d.party(), d.node());
    }

    /**
     * A request in the dialog (RFC 3261 12.2.1.1): Request-URI the remote target, From our URI and tag, To the
     * phone's, the dialog's Call-ID, CSeq {@code cseq}, a Via of this edge and the route set.
     */
    Request request(SipContext sip, String method, long cseq) {
        try {
            Request r = sip.messages.createRequest(sip.addresses.createURI(remoteTarget), method,
                    sip.headers.createCallIdHeader(saved.callId()), sip.headers.createCSeqHeader(cseq, method),
                    sip.headers.createFromHeader(sip.addresses.createAddress(saved.localUri()), saved.localTag()),
                    sip.headers.createToHeader(sip.addresses.createAddress(saved.remoteUri()), saved.remoteTag()),
                    List.of(sip.via(saved.transport())), sip.headers.createMaxForwardsHeader(70));
            for (String route : saved.routeSet()) {
                r.addHeader(sip.headers.createRouteHeader(sip.addresses.createAddress(route)));
            }
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build " + method + " in dialog " + saved.callId() + ": " + e, e);
        }
    }
}
