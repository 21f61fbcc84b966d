package org.mvtm.sip.internal;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's message trace ({@code gov.nist.javax.sip.SERVER_LOGGER}) on SLF4J: every SIP message in and out at
 * TRACE level on logger {@code org.mvtm.sip.messages}, first line only at DEBUG.
 */
public final class Slf4jServerLogger implements ServerLogger {
    private final Logger log = LoggerFactory.getLogger("org.mvtm.sip.messages");

    @Override public void closeLogFile() { }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private void log(SIPMessage message, String from, String to, boolean sender) {
        if (log.isTraceEnabled()) {
            log.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} -> {}: {}", sender ? "sent" : "received", from, to, message.getFirstLine().strip());
        }
    }

    @Override public void logException(Exception e) { log.warn("jain-sip message exception", e); }
    @Override public void setStackProperties(Properties p) { }
    @Override public void setSipStack(SipStack s) { }
}
