package org.mvtm.media.stun;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The ICE-lite side of one leg (RFC 8445 2.5): answers Binding requests whose USERNAME is
 * {@code localUfrag:remoteUfrag} and whose MESSAGE-INTEGRITY verifies with the local password, and remembers the
 * address of the last valid request as the peer address (the controlling agent nominates with USE-CANDIDATE).
 * Consent freshness (RFC 7675) is tracked as the time of the last valid request. Not thread-safe: used by the leg's
 * receive thread only.
 */
public final class IceLiteResponder {
    /** Outcome of one datagram. */
    public enum Verdict { ANSWERED, REJECTED_UNAUTHORIZED, IGNORED }

    private final String localUfrag;
    private final byte[] localKey;
    private final String remoteUfrag;
    private volatile InetSocketAddress selected;
    private volatile Instant lastValidRequest;
    private String lastError = "";
    private int responseLength;

    public IceLiteResponder(String localUfrag, String localPassword, String remoteUfrag) {
        this.localUfrag = localUfrag;
        this.localKey = StunMessage.shortTermKey(localPassword);
        this.remoteUfrag = remoteUfrag;
    }

    /**
     * Handles a STUN datagram from {@code from}; on success writes the response into {@code out} and returns its
     * length in {@link #responseLength()}. Returns the verdict.
     */
    public Verdict handle(byte[] buf, int off, int len, InetSocketAddress from, Instant now, byte[] out) {
        StunMessage m;
        try {
            m = StunMessage.parse(buf, off, len);
        } catch (IllegalArgumentException e) {
            lastError = e.getMessage();
            return Verdict.IGNORED;
        }
        if (m.type() != StunMessage.BINDING_REQUEST) {
            lastError = "STUN type 0x" + Integer.toHexString(m.type()) + " is not a Binding request";
            return Verdict.IGNORED;
        }
        String user = m.username();
        String expectedPrefix = localUfrag + ":";
        if (user == null || !user.startsWith(expectedPrefix)
                || (remoteUfrag != null && !user.equals(expectedPrefix + remoteUfrag))
                || !m.fingerprintValid() || !m.integrityValid(localKey)) {
            lastError = "Binding request with USERNAME " + user + " failed authentication";
            responseLength = new StunWriter(out, 0, StunMessage.BINDING_ERROR, m.transactionId())
                    .errorCode(401, "Unauthorized").finishWithFingerprint();
            return Verdict.REJECTED_UNAUTHORIZED;
        }
        responseLength = new StunWriter(out, 0, StunMessage.BINDING_SUCCESS, m.transactionId())
                .xorMappedAddress(from).messageIntegrity(localKey).finishWithFingerprint();
        lastValidRequest = now;
        if (selected == null || m.useCandidate() || selected.equals(from)) {
            selected = from;
        }
        return Verdict.ANSWERED;
    }

    /** Length of the response written by the last {@link #handle} that answered or rejected. */
    public int responseLength() {
        return responseLength;
    }

    /** The peer address media is sent to, or null before the first valid check. */
    public InetSocketAddress selectedAddress() {
        return selected;
    }

    public Instant lastValidRequest() {
        return lastValidRequest;
    }

    public String lastError() {
        return lastError;
    }
}
