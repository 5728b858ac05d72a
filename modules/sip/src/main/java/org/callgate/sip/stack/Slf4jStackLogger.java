package org.callgate.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the JAIN-SIP RI's internal logging to SLF4J, so that log4j 1.x (end of life) never has
 * to be on the class path. The SLF4J level of {@code gov.nist} decides what is logged.
 *
 * <p>The RI reports messages it could not parse only through this logger ("bad message" at
 * ERROR); such lines are counted in {@link #badMessages()} and logged at WARN, since a peer
 * sending garbage is not a fault of callgate.
 */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");
    private static final LongAdder BAD_MESSAGES = new LongAdder();

    /** Messages dropped by the stack as unparseable since the JVM started. */
    public static long badMessages() {
        return BAD_MESSAGES.sum();
    }

    @Override
    public void logStackTrace() {
        // Stack traces of the logger's caller are noise for operators.
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // See logStackTrace().
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("SIP stack exception: {}", ex.toString());
        LOG.debug("SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        logError(message, null);
    }

    @Override
    public void logError(String message, Exception ex) {
        if (message != null && (message.startsWith("bad message") || message.startsWith("Dropped Bad Msg"))) {
            if (message.startsWith("bad message")) {
                BAD_MESSAGES.increment();
            }
            LOG.warn("dropped unparseable SIP message: {}", firstLine(message));
            return;
        }
        LOG.error(firstLine(message), ex); // the RI puts whole packets, as byte arrays, in some messages
    }

    @Override
    public void logWarning(String message) {
        LOG.warn(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.info(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isInfoEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return switch (logLevel) {
            case TRACE_NONE -> false;
            case TRACE_FATAL, TRACE_ERROR -> LOG.isErrorEnabled();
            case TRACE_WARN -> LOG.isWarnEnabled();
            case TRACE_INFO -> LOG.isInfoEnabled();
            case TRACE_DEBUG -> LOG.isDebugEnabled();
            default -> LOG.isTraceEnabled();
        };
    }

    @Override
    public void disableLogging() {
        // Levels are SLF4J configuration.
    }

    @Override
    public void enableLogging() {
        // Levels are SLF4J configuration.
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("JAIN-SIP RI build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // Levels are SLF4J configuration.
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
