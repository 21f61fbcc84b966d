package org.mvtm.sip.internal;

/**
 * A request whose raw bytes break the RFC 3261 grammar in a way jain-sip's lenient parser lets through; attached
 * to the parsed request ({@code SIPMessage.setApplicationData}) so the listener answers {@code status}.
 */
record RawViolation(int status, String reason) {
}
