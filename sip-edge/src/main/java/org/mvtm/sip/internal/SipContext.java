package org.mvtm.sip.internal;

import gov.nist.javax.sip.message.SIPRequest;
import java.text.ParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AllowHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The started jain-sip objects of one edge (provider, factories, listening points) and small helpers to answer
 * requests. Shared by the handlers; immutable after construction.
 */
final class SipContext {
    private static final Logger log = LoggerFactory.getLogger(SipContext.class);

    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, MESSAGE, UPDATE, INFO";
    static final String SERVER = "mVTM sip-edge";
    /** A source of randomness like the JDK's own behind UUID.randomUUID(), without its global lock and system call. */
    private static final RandomTokens TOKENS = new RandomTokens();

    final SipProvider provider;
    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    final String domain;
    final String host;
    final Map<SipTransport, ListeningPoint> points;
    /** Prefix of the Via branches this edge creates: a request carrying one back to us is a loop. */
    final String branchPrefix;

    SipContext(SipProvider provider, AddressFactory addresses, HeaderFactory headers, MessageFactory messages,
               String domain, String host, Map<SipTransport, ListeningPoint> points) {
        this.provider = provider;
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.domain = domain;
        this.host = host;
        this.points = new EnumMap<>(points);
        this.branchPrefix = "z9hG4bK-mvtm" + TOKENS.hex(8);
    }

    /** The server transaction of {@code ev}, created if needed; null if jain-sip refuses (bad/duplicate). */
    ServerTransaction serverTransaction(RequestEvent ev) {
        ServerTransaction st = ev.getServerTransaction();
        if (st != null) {
            return st;
        }
        try {
            return provider.getNewServerTransaction(ev.getRequest());
        } catch (Exception e) {
            log.debug("no server transaction for {}: {}", ev.getRequest().getMethod(), e.toString());
            return null;
        }
    }

    Response response(int status, Request request) {
        try {
            Response r = messages.createResponse(status, request);
            r.addHeader(headers.createServerHeader(List.of(SERVER)));
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null && status > 100) {
                to.setTag(newTag());
            }
            return r;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build " + status + " response", e);
        }
    }

    /** A response carrying {@code toTag} (the local tag of a dialog we answer repeatedly). */
    Response response(int status, Request request, String toTag) {
        Response r = response(status, request);
        try {
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(toTag);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }

    /** Sends {@code status} for {@code request}, statefully if {@code st} is given; failures are logged. */
    void respond(ServerTransaction st, Request request, int status, Consumer<Response> customize) {
        try {
            Response r = response(status, request);
            if (customize != null) {
                customize.accept(r);
            }
            send(st, r);
        } catch (RuntimeException e) {
            log.debug("cannot answer {} with {}: {}", request.getMethod(), status, e.toString());
        }
    }

    void respond(ServerTransaction st, Request request, int status) {
        respond(st, request, status, null);
    }

    void send(ServerTransaction st, Response r) {
        try {
            if (st != null) {
                st.sendResponse(r);
            } else {
                provider.sendResponse(r);
            }
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            if (r.getStatusCode() >= 200) {
                // a final response that does not leave: the caller waits for an answer that will not come
                log.warn("cannot send {} to {} (Call-ID {}): {}", r.getStatusCode(),
                        ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod(),
                        ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId(), e.toString());
            } else {
                log.debug("cannot send {}: {}", r.getStatusCode(), e.toString());
            }
        }
    }

    /** Puts {@code sdp} in {@code m} as its application/sdp body. */
    void setSdp(Message m, String sdp) {
        try {
            m.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    void addHeader(Message m, String name, String value) {
        try {
            m.addHeader(headers.createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends BYE in {@code dialog} unless it is absent or already over; failures are logged. */
    void bye(Dialog dialog) {
        try {
            if (dialog != null && dialog.getState() != DialogState.TERMINATED) {
                Request bye = dialog.createRequest(Request.BYE);
                dialog.sendRequest(provider.getNewClientTransaction(bye));
            }
        } catch (Exception e) {
            log.debug("cannot send BYE: {}", e.toString());
        }
    }

    /**
     * An INVITE that starts a dialog of ours (towards a desk phone or through the trunk): new Call-ID and From tag,
     * CSeq 1, our Via and Contact on {@code transport}, Allow, a Subject, and {@code sdp} as the offer.
     */
    Request invite(SipURI target, Address from, Address to, SipTransport transport, int maxForwards, String subject,
                   String sdp) {
        try {
            Request r = messages.createRequest((URI) target.clone(), Request.INVITE, provider.getNewCallId(),
                    headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(from, newTag()),
                    headers.createToHeader(to, null), List.of(via(transport)),
                    headers.createMaxForwardsHeader(maxForwards));
            r.addHeader(contact(transport));
            r.addHeader(allow());
            r.addHeader(headers.createHeader("Subject", subject));
            setSdp(r, sdp);
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build the INVITE to " + target, e);
        }
    }

    /** {@code <sip:user@domain>}, e.g. a queue's or an advisor's address on this edge. */
    Address address(String user) {
        try {
            return addresses.createAddress(addresses.createSipURI(user, domain));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    AllowHeader allow() {
        try {
            return headers.createAllowHeader(ALLOW);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The transport a request arrived on (UDP/TCP/TLS). */
    static SipTransport transportOf(Request request) {
        String t = ((SIPRequest) request).getTopmostVia().getTransport();
        try {
            return SipTransport.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return SipTransport.UDP;
        }
    }

    /** The transport to reach {@code uri}: its transport parameter, else TLS for a sips: URI, else UDP. */
    static SipTransport transportOf(SipURI uri) {
        String t = uri.getTransportParam();
        if (t == null) {
            return uri.isSecure() ? SipTransport.TLS : SipTransport.UDP;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "tcp" -> SipTransport.TCP;
            case "tls" -> SipTransport.TLS;
            default -> SipTransport.UDP;
        };
    }

    ListeningPoint point(SipTransport t) {
        ListeningPoint lp = points.get(t);
        return lp != null ? lp : points.values().iterator().next();
    }

    /** Our Contact for a dialog on {@code transport}, e.g. {@code <sip:edge@127.0.0.1:5060;transport=tcp>}. */
    ContactHeader contact(SipTransport transport) {
        try {
            ListeningPoint lp = point(transport);
            SipURI uri = addresses.createSipURI("edge", reachable(lp));
            uri.setPort(lp.getPort());
            if (transport != SipTransport.UDP) {
                uri.setTransportParam(transport == SipTransport.TLS ? "tls" : "tcp");
            }
            Address a = addresses.createAddress(uri);
            return headers.createContactHeader(a);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    ViaHeader via(SipTransport transport) {
        try {
            ListeningPoint lp = point(transport);
            ViaHeader v = headers.createViaHeader(reachable(lp), lp.getPort(), lp.getTransport(),
                    branchPrefix + TOKENS.hex(16));
            v.setRPort();
            return v;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The listening point's address, or the advertised address when it is bound to every interface. */
    private String reachable(ListeningPoint lp) {
        return SipEdgeConfig.isWildcard(lp.getIPAddress()) ? host : lp.getIPAddress();
    }

    static String newTag() {
        return TOKENS.hex(12);
    }

    /** True if {@code host:port} is one of our own listening points (sending there would loop). */
    boolean isUs(String host, int port) {
        for (ListeningPoint lp : points.values()) {
            int p = port <= 0 ? 5060 : port;
            if (lp.getPort() == p && (lp.getIPAddress().equals(host) || host.equals(domain)
                    || host.equals(this.host) || SipEdgeConfig.isWildcard(lp.getIPAddress()))) {
                return true;
            }
        }
        return false;
    }
}
