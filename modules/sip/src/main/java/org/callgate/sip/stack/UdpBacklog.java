package org.callgate.sip.stack;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the oldest datagram has waited in the RI's UDP listening point for a SIP worker
 * thread: the overload signal {@link OverloadGate} admits new calls by. It grows as soon as the
 * workers fall behind, whatever takes the CPU (SIP, media, recording), and shrinks as soon as they
 * catch up, so no capacity has to be configured.
 *
 * <p>The RI keeps that queue in a protected field and stamps each datagram with its reception
 * time ({@link DatagramQueuedMessageDispatch#getReceptionTime()}, the system clock); the field is
 * read through a {@link VarHandle}. Subclassing the processor instead would leave the stack's
 * package-private "send from the listening socket" flag unset, which only the RI's own factories
 * set, and every request would leave from a new ephemeral port.
 */
final class UdpBacklog {

    private static final Logger LOG = LoggerFactory.getLogger(UdpBacklog.class);

    /** The RI's queue field; null (no backlog ever seen, nothing refused) if this RI has none. */
    private static final VarHandle QUEUE = queueField();

    private static VarHandle queueField() {
        try {
            return MethodHandles.privateLookupIn(UDPMessageProcessor.class, MethodHandles.lookup())
                    .findVarHandle(UDPMessageProcessor.class, "messageQueue", java.util.concurrent.BlockingQueue.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.error(
                    "this JAIN-SIP RI has no UDP message queue to watch; calls.overload-delay has no effect: {}",
                    e.toString());
            return null;
        }
    }

    /** Whether the backlog can be read from this RI at all. */
    static boolean watchable() {
        return QUEUE != null;
    }

    private UdpBacklog() {}

    /**
     * Milliseconds the oldest datagram queued in {@code processor} has waited at {@code nowMillis}
     * (system clock), 0 when none waits or the processor is not the RI's UDP one.
     */
    static long oldestWaitMillis(MessageProcessor processor, long nowMillis) {
        if (QUEUE == null || !(processor instanceof UDPMessageProcessor udp)) {
            return 0;
        }
        Queue<?> queue = (Queue<?>) QUEUE.get(udp);
        Object oldest = queue == null ? null : queue.peek();
        return oldest instanceof DatagramQueuedMessageDispatch dispatch
                ? Math.max(0, nowMillis - dispatch.getReceptionTime())
                : 0;
    }
}
