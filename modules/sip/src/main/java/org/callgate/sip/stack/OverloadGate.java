package org.callgate.sip.stack;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import javax.sip.InvalidArgumentException;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission of new calls by the SIP workers' backlog: a new INVITE (no To tag) that arrives over
 * UDP while the oldest datagram in the listening point's queue has waited longer than the
 * configured delay is refused before the stack does anything else with it.
 *
 * <p>Why the queue's wait rather than a configured rate: a call's cost depends on what it does
 * (recorded or not, IVR or not, the store) and on the machine, so no fixed capacity is right for
 * long. Without admission, overload collapses (docs/benchmarks.md): setup outlasts SIP's T1, the
 * callers retransmit, each retransmission is more work, and the stack's congestion timeout drops
 * requests of admitted calls too. Refusing by the backlog keeps setup under the delay and admits
 * as many calls as the machine can finish. {@code calls.max-setup-rate} remains for a fixed cap.
 *
 * <p>An overload episode is logged when it starts and, with the count of calls refused, when no
 * call was refused for a second; not once per refusal, since under overload a line per INVITE
 * would be more work for a busy machine.
 */
final class OverloadGate {

    /** Stack property: the queue wait in milliseconds above which new calls are refused; 0 for never. */
    static final String DELAY_PROPERTY = "org.callgate.sip.OVERLOAD_DELAY_MS";

    /** Stack property: the {@code Retry-After} seconds of the refusal. */
    static final String RETRY_AFTER_PROPERTY = "org.callgate.sip.RETRY_AFTER_SECONDS";

    static final String REASON = "Service Unavailable (overloaded)";

    static final OverloadGate OFF = new OverloadGate(0, 0);

    private static final Logger LOG = LoggerFactory.getLogger(OverloadGate.class);

    // The RI stamps each datagram with the system clock; the wait is measured against that
    // clock, never against the gateway's injected one, which tests may have moved.
    private static final Clock RECEPTION_CLOCK = Clock.systemUTC();

    private final long delayMillis;
    private final List<Header> retryAfter;
    /** An overload episode ends (for the log) once no call was refused for this long. */
    private static final long EPISODE_END_MILLIS = 1000;

    private final AtomicBoolean episode = new AtomicBoolean();
    /** The decision on each INVITE of the last seconds: a retransmission gets its original's. */
    private final AdmissionMemory memory = new AdmissionMemory();

    private final LongAdder refused = new LongAdder();
    private volatile long lastRefusal;

    private OverloadGate(long delayMillis, int retryAfterSeconds) {
        this.delayMillis = delayMillis;
        this.retryAfter = delayMillis > 0 ? List.of(retryAfter(retryAfterSeconds)) : List.of();
    }

    /** The gate the stack's properties describe ({@link #properties}); off when they name none. */
    static OverloadGate from(Properties stack) {
        long delay = Long.parseLong(stack.getProperty(DELAY_PROPERTY, "0"));
        int retryAfter = Integer.parseInt(stack.getProperty(RETRY_AFTER_PROPERTY, "5"));
        return delay > 0 ? new OverloadGate(delay, retryAfter) : OFF;
    }

    /** The stack properties for a gate refusing above {@code delay}, with {@code retryAfter}. */
    static void properties(Properties stack, Duration delay, Duration retryAfter) {
        stack.setProperty(DELAY_PROPERTY, Long.toString(delay.toMillis()));
        stack.setProperty(RETRY_AFTER_PROPERTY, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    /**
     * Whether {@code request}, come in on {@code channel}, is a new call to refuse now. {@code
     * admitted} is asked only when the backlog would refuse it: whether the INVITE is a
     * retransmission of one already admitted, which must reach its transaction (the caller would
     * otherwise take the 503 as the call's final answer, RFC 3261 §17.1.1.2). Every copy of an
     * INVITE seen within seconds gets the decision the first one got ({@link AdmissionMemory}),
     * also when a worker reaches the retransmission before the original's transaction exists.
     */
    boolean refuses(SIPRequest request, MessageChannel channel, Predicate<SIPRequest> admitted) {
        if (delayMillis <= 0 || !isNewCall(request)) {
            return false; // no backlog read for the requests the gate never refuses
        }
        long now = RECEPTION_CLOCK.millis();
        return backlogRefuses(request, UdpBacklog.oldestWaitMillis(channel.getMessageProcessor(), now), now, admitted);
    }

    /**
     * Whether {@code request} is a new call to refuse when the oldest queued request has waited
     * {@code waited} ms at {@code now} (ms on the reception clock).
     */
    boolean refuses(SIPRequest request, long waited, long now, Predicate<SIPRequest> admitted) {
        return delayMillis > 0 && isNewCall(request) && backlogRefuses(request, waited, now, admitted);
    }

    private boolean backlogRefuses(SIPRequest request, long waited, long now, Predicate<SIPRequest> admitted) {
        if (memory.refuses(request, () -> waited > delayMillis && !admitted.test(request), now)) {
            refused.increment();
            lastRefusal = now;
            if (episode.compareAndSet(false, true)) {
                LOG.warn(
                        "overloaded: SIP requests wait {} ms for a worker (limit {} ms); new calls get 503",
                        waited,
                        delayMillis);
            }
            return true;
        }
        if (episode.get() && now - lastRefusal > EPISODE_END_MILLIS && episode.compareAndSet(true, false)) {
            LOG.warn("no longer overloaded: {} new calls were refused", refused.sumThenReset());
        }
        return false;
    }

    private static boolean isNewCall(SIPRequest request) {
        return Request.INVITE.equals(request.getMethod()) && request.getToTag() == null;
    }

    List<Header> retryAfter() {
        return retryAfter;
    }

    private static Header retryAfter(int seconds) {
        RetryAfter header = new RetryAfter();
        try {
            header.setRetryAfter(seconds);
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException("Retry-After " + seconds, e);
        }
        return header;
    }
}
