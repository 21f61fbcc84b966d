package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialogs the B2BUA started (towards a desk phone or a called-back customer): ACK of a 2xx and CANCEL of the INVITE
 * (held until the peer's first provisional response; best effort: a failure is logged at DEBUG, never thrown; BYE is
 * {@link SipContext#bye}; the INVITE is {@link SipContext#invite}, sent by {@link #place}), and its answer to the
 * peer's re-INVITE or UPDATE (the bridge's view of the new offer, 488 if it cannot take it).
 */
final class StartedDialogs {
    private static final Logger log = LoggerFactory.getLogger(StartedDialogs.class);

    private StartedDialogs() {
    }

    /**
     * Sends {@code invite} in a new dialog; the transaction and the dialog carry {@code owner} (the leg their responses
     * and requests belong to), and {@code started} gets both before the INVITE goes out.
     */
    static void place(SipContext sip, Request invite, Object owner, BiConsumer<ClientTransaction, Dialog> started)
            throws SipException {
        ClientTransaction ct = sip.provider.getNewClientTransaction(invite);
        Dialog dialog = sip.provider.getNewDialog(ct);
        started.accept(ct, dialog);
        ct.setApplicationData(owner);
        dialog.setApplicationData(owner);
        ct.sendRequest();
    }

    /**
     * The {@code type} owner {@link #place} gave the transaction or, for a retransmitted 2xx or an in-dialog request,
     * the dialog; null when neither belongs to one.
     */
    static <T> T owner(ClientTransaction ct, Dialog dialog, Class<T> type) {
        if (ct != null && type.isInstance(ct.getApplicationData())) {
            return type.cast(ct.getApplicationData());
        }
        return dialog != null && type.isInstance(dialog.getApplicationData()) ? type.cast(dialog.getApplicationData()) : null;
    }

    static void ack(Dialog dialog, long cseq) {
        try {
            if (dialog != null) {
                dialog.sendAck(dialog.createAck(cseq));
            }
        } catch (Exception e) {
            log.debug("cannot ACK: {}", e.toString());
        }
    }

    /**
     * CANCELs {@code invite} if the peer answered anything yet ({@code heard}); else holds the CANCEL in {@code held}
     * until the peer's first provisional response ({@link #provisional}): RFC 3261 9.1 lets no CANCEL go before one,
     * and a phone that rings late would otherwise ring on. The INVITE retransmits meanwhile, until a response or
     * timer B.
     */
    static void cancel(SipContext sip, ClientTransaction invite, boolean heard, Set<ClientTransaction> held) {
        if (invite == null) {
            return;
        }
        if (heard) {
            sendCancel(sip, invite);
        } else {
            held.add(invite);
        }
    }

    /** A provisional response on {@code ct}: the CANCEL {@code held} for it goes now. */
    static void provisional(SipContext sip, ClientTransaction ct, Set<ClientTransaction> held) {
        if (ct != null && held.remove(ct)) {
            sendCancel(sip, ct);
        }
    }

    private static void sendCancel(SipContext sip, ClientTransaction invite) {
        try {
            sip.provider.getNewClientTransaction(invite.createCancel()).sendRequest();
        } catch (Exception e) {
            log.debug("cannot CANCEL an INVITE: {}", e.toString());
        }
    }

    /** A request from the peer inside the dialog: a new SDP offer goes to the bridge's leg of {@code party}. */
    static void inDialog(SipContext sip, CallMedia media, RequestEvent ev, ServerTransaction st,
                         InteractionId interaction, Party party) {
        Request req = ev.getRequest();
        byte[] body = req.getRawContent();
        if ((Request.INVITE.equals(req.getMethod()) || Request.UPDATE.equals(req.getMethod()))
                && body != null && body.length > 0) {
            try {
                String answer = media.reoffer(interaction, party, new String(body, StandardCharsets.UTF_8));
                Response ok = sip.response(Response.OK, req);
                ok.addHeader(sip.contact(SipContext.transportOf(req)));
                sip.setSdp(ok, answer);
                sip.send(st, ok);
            } catch (RuntimeException e) {
                sip.respond(st, req, Response.NOT_ACCEPTABLE_HERE);
            }
            return;
        }
        sip.respond(st, req, Response.OK);
    }
}
