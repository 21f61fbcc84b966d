package org.mvtm.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger (and the loggers below it) writes while this is open, for a test that asserts what an
 * operator or a security team reads in the log. Close it (try-with-resources) to stop listening.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        lines.start();
        logger.addAppender(lines);
    }

    /** Listens to the logger of that name, e.g. {@code "mvtm.security"}. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** Listens to the class's own logger. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** What was written so far, oldest first. */
    public List<ILoggingEvent> lines() {
        synchronized (lines) { // the appender adds under its own lock
            return List.copyOf(lines.list);
        }
    }

    /** Whether a line written so far contains {@code words}. */
    public boolean said(String words) {
        return lines().stream().anyMatch(e -> e.getFormattedMessage().contains(words));
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
    }
}
