package org.mvtm.sip.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of an address-of-record (RFC 3261 section 10.3).
 *
 * @param aor       address-of-record, normalised to {@code sip:user@domain}
 * @param contact   the contact URI to send requests to, e.g. {@code sip:alice@192.0.2.4:5060;transport=tcp}
 * @param expiresAt when the binding lapses
 * @param callId    Call-ID of the REGISTER that created/refreshed it (RFC 3261 10.3 step 7)
 * @param cseq      CSeq of that REGISTER
 * @param q         preference 0.0-1.0 (higher first)
 */
public record Binding(String aor, String contact, Instant expiresAt, String callId, long cseq, float q) {
    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(callId, "callId");
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("binding q must be within 0..1 but was " + q);
        }
    }

    public boolean activeAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
