package org.callgate.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The overload gate's decision on each new call of the last few seconds, by its INVITE
 * transaction, so that every copy of an INVITE gets the decision the first copy got, whichever copy
 * a worker reaches first.
 *
 * <p>Why: the stack's workers take datagrams from one queue, but a worker can be descheduled
 * between taking the original INVITE and creating its transaction, long enough on a busy machine
 * for another worker to take the caller's retransmission (RFC 3261 §17.1.1.2: 500 ms later).
 * Asking the stack whether the call has a transaction then says no, and the retransmission got a
 * 503 while its original went on to ring an agent: the caller took the 503 as the call's final
 * answer, and callgate answered, recorded and held a call nobody was on until its media timed out.
 * A refused original, on the other hand, must not be admitted by its retransmission either.
 *
 * <p>Decisions are kept in two generations of {@value #SPAN_MILLIS} ms each, so each lives 4–8 s:
 * longer than a retransmission waits in a queue the gate keeps short, and after that the stack's
 * own transaction answers for an admitted call. A few thousand small entries at the highest rates.
 */
final class AdmissionMemory {

    static final long SPAN_MILLIS = 4_000;

    private volatile Map<String, Boolean> current = new ConcurrentHashMap<>();
    private volatile Map<String, Boolean> previous = Map.of();
    private volatile long rotatedAt = Long.MIN_VALUE;

    /**
     * The decision on {@code invite}'s call: the one made first within the last seconds, else the
     * one {@code decide} makes now, which is then remembered. {@code decide} is asked only for a
     * copy no decision was made for.
     *
     * @param now milliseconds on the clock the gate measures the backlog with
     */
    boolean refuses(SIPRequest invite, BooleanSupplier decide, long now) {
        rotateIfDue(now);
        String key = keyOf(invite);
        Boolean earlier = previous.get(key);
        if (earlier == null) {
            earlier = current.get(key);
        }
        if (earlier != null) {
            return earlier;
        }
        boolean refuse = decide.getAsBoolean();
        Boolean first = current.putIfAbsent(key, refuse);
        return first == null ? refuse : first;
    }

    /** What every copy of an INVITE shares, with or without RFC 3261's branch: Call-ID, CSeq, From tag. */
    private static String keyOf(SIPRequest invite) {
        String fromTag = invite.getFromTag();
        return invite.getCallId().getCallId()
                + ' '
                + invite.getCSeq().getSeqNumber()
                + ' '
                + (fromTag == null ? "" : fromTag);
    }

    private void rotateIfDue(long now) {
        if (now - rotatedAt < SPAN_MILLIS && rotatedAt != Long.MIN_VALUE) {
            return;
        }
        synchronized (this) {
            if (rotatedAt == Long.MIN_VALUE || now - rotatedAt >= SPAN_MILLIS) {
                previous = current;
                current = new ConcurrentHashMap<>();
                rotatedAt = now;
            }
        }
    }
}
