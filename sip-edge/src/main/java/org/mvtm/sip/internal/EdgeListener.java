package org.mvtm.sip.internal;

import gov.nist.javax.sip.RequestEventExt;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.sip.api.SipRejectionReasons;
import org.mvtm.sip.ivr.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link SipListener} of the edge. On the jain-sip thread it only classifies the request, applies flood
 * protection, validation and admission (a new INVITE over capacity gets 503 with Retry-After here, statelessly, so
 * shedding load costs no more than parsing it), creates the server transaction (and sends 100 Trying for INVITE);
 * the handling itself runs on a virtual thread, so the SIP I/O threads never wait for routing, media or Redis.
 * Every hand-over goes through {@link CallAdmission#handOver}, which measures how late the workers are.
 */
final class EdgeListener implements SipListener {
    private static final Logger log = LoggerFactory.getLogger(EdgeListener.class);

    private final SipContext sip;
    private final FloodGuard flood;
    private final RequestValidator validator;
    private final SipCounters counters;
    private final CallAdmission admission;
    private final Handlers handlers;

    /**
     * What the listener hands requests to. {@code ivr} null: no voice front door; {@code adopted}: the dialogs this
     * node carries on for a dead node (its stack does not know them, so they go by Call-ID).
     */
    record Handlers(Registrar registrar, CustomerCalls customers, AdvisorLegs advisors, B2buaCalls calls,
                    CallbackDialer callbacks, Ivr ivr, ChatRelay chat, ColleaguePhones colleagues,
                    SupervisorPhones supervisors, AdoptedDialogs adopted) {
    }

    EdgeListener(SipContext sip, FloodGuard flood, SipCounters counters, CallAdmission admission, Handlers handlers) {
        this.sip = sip;
        this.flood = flood;
        this.validator = new RequestValidator(sip.branchPrefix);
        this.counters = counters;
        this.admission = admission;
        this.handlers = handlers;
    }

    @Override
    public void processRequest(RequestEvent ev) {
        Request req = ev.getRequest();
        String method = req.getMethod();
        try {
            if (Request.ACK.equals(method)) {
                // a 2xx ACK ends the INVITE transaction; a customer's may release a BYE held back for it
                if (ev.getDialog() != null && ev.getDialog().getApplicationData() instanceof CustomerCall call) {
                    admission.handOver(() -> handlers.calls().acknowledged(call));
                }
                return;
            }
            String source = ev instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : "unknown";
            ToHeader to = (ToHeader) req.getHeader(ToHeader.NAME);
            boolean inDialog = to != null && to.getTag() != null;
            if (!inDialog && !Request.CANCEL.equals(method) && !flood.admit(source)) {
                counters.rejected(SipRejectionReasons.FLOOD);
                unavailable(req, flood.retryAfterSeconds(), null);
                return;
            }
            Optional<RequestValidator.Rejection> bad = ((gov.nist.javax.sip.message.SIPRequest) req).getApplicationData()
                    instanceof RawViolation raw
                    ? Optional.of(new RequestValidator.Rejection(raw.status(), raw.reason(), List.of()))
                    : validator.check(req);
            if (bad.isPresent()) {
                RequestValidator.Rejection r = bad.get();
                counters.rejected(Integer.toString(r.status()));
                ServerTransaction st = sip.serverTransaction(ev);
                sip.respond(st, req, r.status(), resp -> {
                    Registrar.reason(resp, r.reason());
                    try {
                        for (String u : r.unsupported()) {
                            resp.addHeader(sip.headers.createUnsupportedHeader(u));
                        }
                        if (r.status() == Response.UNSUPPORTED_MEDIA_TYPE || r.status() == Response.NOT_ACCEPTABLE) {
                            resp.addHeader(sip.headers.createAcceptHeader("application", "sdp"));
                        }
                    } catch (ParseException e) {
                        throw new IllegalStateException(e);
                    }
                });
                return;
            }
            if (req.getHeader(MaxForwardsHeader.NAME) == null) {
                // RFC 2543 clients may omit it (RFC 4475 3.4.1); jain-sip refuses a transaction without it
                req.addHeader(sip.headers.createMaxForwardsHeader(70));
            }
            boolean newCall = Request.INVITE.equals(method) && !inDialog;
            if (newCall) {
                CallAdmission.Refusal refused = admission.admit();
                if (refused != null) {
                    counters.rejected(refused.counter);
                    unavailable(req, admission.retryAfterSeconds(), "Overloaded, try again later");
                    return;
                }
            }
            ServerTransaction st = ev.getServerTransaction();
            if (st == null) {
                try {
                    st = sip.provider.getNewServerTransaction(req);
                } catch (TransactionAlreadyExistsException retransmission) {
                    if (newCall) {
                        admission.setUpDone();
                    }
                    return; // the transaction layer already absorbs it
                } catch (TransactionUnavailableException | RuntimeException e) {
                    // e.g. an RFC 2543 INVITE without Contact: still answered, statelessly
                    log.debug("stateless handling of {}: {}", method, e.getMessage());
                }
            }
            if (newCall) {
                sip.respond(st, req, Response.TRYING);
            }
            Dialog dialog = ev.getDialog();
            ServerTransaction tx = st;
            admission.handOver(() -> {
                try {
                    dispatch(ev, tx, method, source, inDialog, dialog);
                } finally {
                    if (newCall) {
                        admission.setUpDone();
                    }
                }
            });
        } catch (RuntimeException | InvalidArgumentException e) {
            log.warn("cannot handle {}: {}", method, e.toString(), e);
            sip.respond(null, req, Response.SERVER_INTERNAL_ERROR);
        }
    }

    private void dispatch(RequestEvent ev, ServerTransaction st, String method, String source, boolean inDialog,
                          Dialog dialog) {
        Request req = ev.getRequest();
        try {
            Object owner = dialog == null ? null : dialog.getApplicationData();
            if (owner == null && inDialog) {
                owner = handlers.adopted().find(AdoptedDialogs.callId(req));
            }
            switch (method) {
                case Request.OPTIONS -> sip.respond(st, req, Response.OK, r -> {
                    r.addHeader(sip.allow());
                    try {
                        r.addHeader(sip.headers.createAcceptHeader("application", "sdp"));
                        r.addHeader(sip.headers.createAcceptHeader("text", "plain"));
                        r.addHeader(sip.headers.createSupportedHeader("timer"));
                    } catch (ParseException e) {
                        throw new IllegalStateException(e);
                    }
                });
                case Request.REGISTER -> handlers.registrar().register(st, req, source);
                case Request.INVITE, Request.UPDATE -> {
                    if (!inDialog && Request.INVITE.equals(method) && SupervisorPhones.isFeatureCode(req)) {
                        handlers.supervisors().invite(ev, st, source);
                    } else if (!inDialog && Request.INVITE.equals(method)) {
                        handlers.customers().invite(ev, st, source);
                    } else {
                        switch (owner) {
                            case CustomerCall call -> handlers.customers().reinvite(ev, st, call);
                            case AdvisorLeg leg -> handlers.advisors().inDialog(ev, st, leg);
                            case CallbackCall cb -> handlers.callbacks().inDialog(ev, st, cb);
                            case AdoptedDialog taken -> handlers.adopted().inDialog(ev, st, taken);
                            case null, default -> sip.respond(st, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                        }
                    }
                }
                case Request.CANCEL -> handlers.calls().customerCancelled(ev, st);
                case Request.BYE -> {
                    switch (owner) { // the two sides of a B2BUA call end by B2buaCalls' rules
                        case CustomerCall call -> handlers.calls().customerHungUp(ev, st, call);
                        case AdvisorLeg leg -> handlers.calls().advisorHungUp(ev, st, leg);
                        case CallbackCall cb -> handlers.callbacks().bye(ev, st, cb);
                        case ColleagueLeg leg -> handlers.colleagues().bye(ev, st, leg);
                        case SupervisorPhones.SupervisorLeg leg -> handlers.supervisors().bye(ev, st, leg);
                        case AdoptedDialog taken -> handlers.adopted().bye(ev, st, taken);
                        case null, default -> sip.respond(st, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    }
                }
                case Request.MESSAGE -> handlers.customers().caller(st, req, source)
                        .ifPresent(user -> handlers.chat().message(st, req, user));
                case Request.INFO -> {
                    if (owner instanceof CustomerCall call) {
                        IvrHandoff.info(sip, handlers.ivr(), handlers.callbacks(), ev, st, call); // a key
                    } else {
                        sip.respond(st, req, owner == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK);
                    }
                }
                case Request.SUBSCRIBE, Request.NOTIFY, Request.REFER, Request.PUBLISH, Request.PRACK ->
                        sip.respond(st, req, Response.METHOD_NOT_ALLOWED, r -> r.addHeader(sip.allow()));
                default -> {
                    counters.rejected("501");
                    sip.respond(st, req, Response.NOT_IMPLEMENTED, r -> r.addHeader(sip.allow()));
                }
            }
        } catch (RuntimeException e) {
            log.warn("failed handling {}", method, e);
            sip.respond(st, req, Response.SERVER_INTERNAL_ERROR);
        }
    }

    /** 503 with Retry-After (and a reason phrase if given), sent statelessly from the stack's thread. */
    private void unavailable(Request req, long retryAfterSeconds, String reason) {
        sip.respond(null, req, Response.SERVICE_UNAVAILABLE, r -> {
            try {
                r.addHeader(sip.headers.createRetryAfterHeader((int) retryAfterSeconds));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
            if (reason != null) {
                Registrar.reason(r, reason);
            }
        });
    }

    @Override
    public void processResponse(ResponseEvent ev) {
        if (handlers.adopted().owns(ev)) {
            admission.handOver(() -> handlers.adopted().response(ev));
            return;
        }
        if (CallbackDialer.owns(ev.getClientTransaction(), ev.getDialog())) {
            admission.handOver(() -> handlers.callbacks().response(ev));
            return;
        }
        admission.handOver(() -> {
            if (!handlers.colleagues().response(ev)) {
                handlers.advisors().response(ev);
            }
        });
    }

    @Override
    public void processTimeout(TimeoutEvent ev) {
        if (!ev.isServerTransaction()) {
            ClientTransaction ct = ev.getClientTransaction();
            if (CallbackDialer.owns(ct, null)) {
                admission.handOver(() -> handlers.callbacks().timeout(ct));
                return;
            }
            admission.handOver(() -> {
                if (handlers.adopted().timeout(ct)) {
                    return;
                }
                if (!handlers.colleagues().unreachable(ct)) {
                    handlers.advisors().unreachable(ct, "transaction timeout");
                }
            });
        }
    }

    @Override
    public void processIOException(IOExceptionEvent ev) {
        log.info("I/O error towards {}:{}/{}", ev.getHost(), ev.getPort(), ev.getTransport());
        admission.handOver(() -> handlers.advisors().unreachableHost(ev.getHost(), ev.getPort()));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent ev) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent ev) {
    }
}
