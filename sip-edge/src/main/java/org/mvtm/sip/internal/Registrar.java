package org.mvtm.sip.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.RegistrationStore;
import org.mvtm.sip.api.SipTransport;

/**
 * The registrar of RFC 3261 section 10.3: authenticates with digest, then adds, refreshes and removes the bindings
 * of the To address-of-record (several contacts per AOR, per-contact expires, {@code Contact: *} with
 * {@code Expires: 0}), and answers 200 OK listing every current contact. Intervals below the minimum get 423.
 */
final class Registrar {
    private final SipContext sip;
    private final SipAuth auth;
    private final RegistrationStore store;
    private final Clock clock;
    private final Duration min;
    private final Duration max;
    private final SipCounters counters;

    Registrar(SipContext sip, SipAuth auth, RegistrationStore store, Clock clock, Duration min, Duration max,
              SipCounters counters) {
        this.sip = sip;
        this.auth = auth;
        this.store = store;
        this.clock = clock;
        this.min = min;
        this.max = max;
        this.counters = counters;
    }

    /** The normalised address-of-record of a SIP user in our domain. */
    static String aor(String user, String domain) {
        return "sip:" + user + "@" + domain.toLowerCase(Locale.ROOT);
    }

    void register(ServerTransaction st, Request request, String source) {
        URI to = request.getHeader(ToHeader.NAME) == null ? null
                : ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI();
        if (!(to instanceof SipURI toUri)) {
            sip.respond(st, request, Response.BAD_REQUEST, r -> reason(r, "address-of-record must be a SIP URI"));
            counters.rejected("400");
            return;
        }
        if (toUri.getUser() == null) {
            sip.respond(st, request, Response.NOT_FOUND);
            counters.rejected("register-aor");
            return;
        }
        Optional<String> user = auth.authenticate(st, request, source);
        if (user.isEmpty()) {
            return;
        }
        if (!user.get().equals(toUri.getUser())) {
            sip.respond(st, request, Response.FORBIDDEN, r -> reason(r, "user " + user.get()
                    + " may not register " + toUri.getUser()));
            counters.rejected("register-forbidden");
            return;
        }
        String aor = aor(toUri.getUser(), sip.domain);
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        ExpiresHeader expiresHeader = request.getExpires();
        Instant now = clock.instant();
        List<ContactHeader> contacts = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            contacts.add((ContactHeader) it.next());
        }
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            if (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0) {
                sip.respond(st, request, Response.BAD_REQUEST, r -> reason(r,
                        "Contact: * needs Expires: 0 and no other contacts"));
                counters.rejected("400");
                return;
            }
            store.removeAll(aor);
        } else {
            for (ContactHeader c : contacts) {
                int requested = c.getExpires() >= 0 ? c.getExpires()
                        : expiresHeader != null ? expiresHeader.getExpires() : 3600;
                if (requested > 0 && requested < min.toSeconds()) {
                    sip.respond(st, request, Response.INTERVAL_TOO_BRIEF, r -> {
                        try {
                            r.addHeader(sip.headers.createMinExpiresHeader((int) min.toSeconds()));
                        } catch (InvalidArgumentException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    counters.rejected("register-too-brief");
                    return;
                }
            }
            for (ContactHeader c : contacts) {
                int requested = c.getExpires() >= 0 ? c.getExpires()
                        : expiresHeader != null ? expiresHeader.getExpires() : 3600;
                String contact = contactUri(c.getAddress(), SipContext.transportOf(request));
                Optional<Binding> existing = store.bindings(aor, now).stream()
                        .filter(b -> b.contact().equals(contact)).findFirst();
                if (existing.isPresent() && existing.get().callId().equals(callId) && existing.get().cseq() >= cseq) {
                    sip.respond(st, request, Response.SERVER_INTERNAL_ERROR, r -> reason(r,
                            "out-of-order REGISTER (CSeq " + cseq + " after " + existing.get().cseq() + ")"));
                    counters.rejected("register-out-of-order");
                    return;
                }
                if (requested == 0) {
                    store.remove(aor, contact);
                } else {
                    long granted = Math.min(requested, max.toSeconds());
                    float q = c.getQValue() < 0 ? 1.0f : c.getQValue();
                    store.put(new Binding(aor, contact, now.plusSeconds(granted), callId, cseq, q));
                }
            }
        }
        counters.registrations.increment();
        List<Binding> current = store.bindings(aor, now);
        sip.respond(st, request, Response.OK, r -> {
            try {
                for (Binding b : current) {
                    Address a = sip.addresses.createAddress(b.contact());
                    ContactHeader ch = sip.headers.createContactHeader(a);
                    ch.setExpires((int) Math.max(0, Duration.between(now, b.expiresAt()).toSeconds()));
                    r.addHeader(ch);
                }
                r.addHeader(sip.headers.createDateHeader(Calendar.getInstance()));
            } catch (ParseException | InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The contact URI to store: as given, plus the transport it registered over when it says none. */
    static String contactUri(Address address, SipTransport transport) {
        URI uri = (URI) address.getURI().clone();
        if (uri instanceof SipURI s && s.getTransportParam() == null && transport != SipTransport.UDP) {
            try {
                s.setTransportParam(transport.token());
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        return uri.toString();
    }

    static void reason(Response r, String text) {
        try {
            r.setReasonPhrase(r.getReasonPhrase() + " (" + text.replaceAll("[\\r\\n]", " ") + ")");
        } catch (ParseException e) {
            // keep the default phrase
        }
    }
}
