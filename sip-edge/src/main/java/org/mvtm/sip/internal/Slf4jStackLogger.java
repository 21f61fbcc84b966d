package org.mvtm.sip.internal;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's {@link StackLogger} on SLF4J (its log4j 1 backend is not on the class path). Instantiated by the
 * stack through the {@code gov.nist.javax.sip.STACK_LOGGER} property, so it needs a public no-arg constructor.
 */
public final class Slf4jStackLogger implements StackLogger {
    private final Logger log = LoggerFactory.getLogger("org.mvtm.sip.jainsip");
    private volatile boolean enabled = true;

    @Override public void logStackTrace() { if (enabled && log.isTraceEnabled()) { log.trace("stack trace", new Throwable()); } }
    @Override public void logStackTrace(int level) { logStackTrace(); }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable t) { if (enabled) { log.warn("jain-sip exception", t); } }
    @Override public void logDebug(String m) { if (enabled) { log.debug(m); } }
    @Override public void logDebug(String m, Exception e) { if (enabled) { log.debug(m, e); } }
    @Override public void logTrace(String m) { if (enabled) { log.trace(m); } }
    @Override public void logFatalError(String m) { log.error(m); }
    @Override public void logError(String m) { if (enabled) { log.error(m); } }
    @Override public void logError(String m, Exception e) { if (enabled) { log.error(m, e); } }
    @Override public void logWarning(String m) { if (enabled) { log.warn(m); } }
    @Override public void logInfo(String m) { if (enabled) { log.info(m); } }
    @Override public boolean isLoggingEnabled() { return enabled && log.isDebugEnabled(); }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (!enabled) {
            return false;
        }
        // gov.nist.core.LogLevels: TRACE_NONE 0, FATAL 2, ERROR 4, WARN 8, INFO 16, DEBUG 32, TRACE 64
        if (level >= TRACE_TRACE) {
            return log.isTraceEnabled();
        }
        if (level >= TRACE_DEBUG) {
            return log.isDebugEnabled();
        }
        if (level >= TRACE_INFO) {
            return log.isInfoEnabled();
        }
        if (level >= TRACE_WARN) {
            return log.isWarnEnabled();
        }
        return log.isErrorEnabled();
    }

    @Override public void disableLogging() { enabled = false; }
    @Override public void enableLogging() { enabled = true; }
    @Override public void setBuildTimeStamp(String s) { }
    @Override public void setStackProperties(Properties p) { }
    @Override public String getLoggerName() { return log.getName(); }
}
