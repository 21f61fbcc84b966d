package org.mvtm.sip.api;

import java.util.Locale;

/** The SIP transports the edge listens on. SIP over WebSocket is not offered. */
public enum SipTransport {
    UDP, TCP, TLS;

    /** The lower-case name used in Via headers and {@code transport=} URI parameters. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
