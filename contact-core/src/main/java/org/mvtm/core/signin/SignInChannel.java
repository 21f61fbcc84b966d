package org.mvtm.core.signin;

/** Where a password or digest was presented. One account has one throttle across all of them. */
public enum SignInChannel {
    /** The consoles' sign-in form (agent-web). */
    WEB,
    /** SIP digest authentication of REGISTER, INVITE and MESSAGE (sip-edge). */
    SIP
}
