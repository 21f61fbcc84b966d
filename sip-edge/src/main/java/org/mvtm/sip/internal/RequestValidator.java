package org.mvtm.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.address.URI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 3261 section 8.2 and 16.3 checks a UAS makes before handling a parsed request, with the status the RFC
 * (and RFC 4475's torture cases) names: 400 for a CSeq/method mismatch or duplicated single-value fields,
 * 416 for an unknown Request-URI scheme, 420 for unsupported Require/Proxy-Require extensions, 483 for
 * Max-Forwards 0, 482 for a request that carries our own Via branch back to us, 406 when the INVITE cannot
 * accept SDP.
 */
final class RequestValidator {

    /** What to answer instead of handling the request. */
    record Rejection(int status, String reason, List<String> unsupported) {
    }

    private static final Set<String> SUPPORTED = Set.of("timer");
    private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");
    private static final List<String> SINGLE = List.of("Call-ID", "CSeq", "From", "To", "Max-Forwards",
            "Content-Length", "Content-Type");

    private final String branchPrefix;

    RequestValidator(String branchPrefix) {
        this.branchPrefix = branchPrefix;
    }

    Optional<Rejection> check(Request req) {
        for (String name : SINGLE) {
            ListIterator<?> it = req.getHeaders(name);
            int n = 0;
            while (it != null && it.hasNext()) {
                it.next();
                n++;
            }
            if (n > 1) {
                return reject(Response.BAD_REQUEST, "more than one " + name);
            }
        }
        CSeqHeader cseq = (CSeqHeader) req.getHeader(CSeqHeader.NAME);
        if (cseq == null || req.getHeader("Call-ID") == null || req.getHeader("From") == null
                || req.getHeader("To") == null || req.getHeader(ViaHeader.NAME) == null) {
            return reject(Response.BAD_REQUEST, "missing required header fields");
        }
        if (!cseq.getMethod().equals(req.getMethod())) {
            return reject(Response.BAD_REQUEST, "CSeq method " + cseq.getMethod() + " does not match "
                    + req.getMethod());
        }
        URI uri = req.getRequestURI();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return reject(Response.UNSUPPORTED_URI_SCHEME, "unsupported URI scheme " + uri.getScheme());
        }
        ListIterator<?> vias = req.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            ViaHeader v = (ViaHeader) vias.next();
            if (v.getBranch() != null && v.getBranch().startsWith(branchPrefix)) {
                return reject(Response.LOOP_DETECTED, "request looped back to this edge");
            }
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) req.getHeader(MaxForwardsHeader.NAME);
        // RFC 4475 3.3.11: an endpoint handles Max-Forwards 0 normally; only an INVITE we would forward to an
        // advisor's phone (B2BUA) cannot go further
        if (mf != null && mf.getMaxForwards() == 0 && Request.INVITE.equals(req.getMethod())) {
            return reject(Response.TOO_MANY_HOPS, "Max-Forwards reached 0");
        }
        if (!Request.ACK.equals(req.getMethod()) && !Request.CANCEL.equals(req.getMethod())) {
            List<String> unsupported = new ArrayList<>();
            collectUnsupported(req.getHeaders(RequireHeader.NAME), unsupported);
            collectUnsupported(req.getHeaders(ProxyRequireHeader.NAME), unsupported);
            if (!unsupported.isEmpty()) {
                return Optional.of(new Rejection(Response.BAD_EXTENSION, "unsupported extension", unsupported));
            }
        }
        if (Request.INVITE.equals(req.getMethod()) && req.getHeader(AcceptHeader.NAME) != null) {
            boolean sdp = false;
            ListIterator<?> it = req.getHeaders(AcceptHeader.NAME);
            while (it.hasNext()) {
                AcceptHeader a = (AcceptHeader) it.next();
                String type = a.getContentType() == null ? "" : a.getContentType().toLowerCase(Locale.ROOT);
                String sub = a.getContentSubType() == null ? "" : a.getContentSubType().toLowerCase(Locale.ROOT);
                if ((type.equals("application") || type.equals("*")) && (sub.equals("sdp") || sub.equals("*"))) {
                    sdp = true;
                }
            }
            if (!sdp) {
                return reject(Response.NOT_ACCEPTABLE, "this edge can only answer with application/sdp");
            }
        }
        return Optional.empty();
    }

    private static void collectUnsupported(ListIterator<?> it, List<String> out) {
        while (it != null && it.hasNext()) {
            Header h = (Header) it.next();
            for (String tag : SessionTimerHeaders.value(h).split(",")) {
                String t = tag.strip();
                if (!t.isEmpty() && !SUPPORTED.contains(t.toLowerCase(Locale.ROOT)) && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
    }

    private static Optional<Rejection> reject(int status, String reason) {
        return Optional.of(new Rejection(status, reason, List.of()));
    }
}
