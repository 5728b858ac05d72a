package org.callgate.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP message trace through SLF4J logger {@code callgate.sip.trace} at DEBUG: every message sent
 * and received, for debugging interop with a peer. The RI calls it only while the stack logger
 * is at INFO or finer.
 */
public final class Slf4jServerLogger implements ServerLogger {

    private static final Logger TRACE = LoggerFactory.getLogger("callgate.sip.trace");

    @Override
    public void closeLogFile() {
        // Nothing to close: output is SLF4J's.
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        logMessage(message, from, to, status, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        if (TRACE.isDebugEnabled()) {
            TRACE.debug("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        TRACE.debug("SIP trace exception", ex);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // Levels are SLF4J configuration.
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // Not needed.
    }
}
