package org.callgate.media;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * The free RTP ports of a range: even ports {@code p} with {@code p + 1} (RTCP, RFC 3550 §11)
 * still inside the range.
 *
 * <p>Reuse is first-in first-out: a released port goes to the back of the queue. A port that
 * just carried a call therefore rests as long as possible before the next call gets it, so late
 * packets of the old call are unlikely to reach the new one.
 *
 * <p>Thread-safe. Releasing a port that is not in use is a bug and throws.
 */
public final class PortPool {

    private final int portMin;
    private final int[] queue;
    private final BitSet inUse;
    private int head;
    private int size;

    /**
     * @param portMin first RTP port, even
     * @param portMax last port of the range; the last pair is {@code portMax - 1, portMax} when
     *     {@code portMax} is odd
     */
    public PortPool(int portMin, int portMax) {
        checkRange(portMin, portMax);
        this.portMin = portMin;
        this.queue = new int[(portMax - portMin + 1) / 2];
        this.inUse = new BitSet(queue.length);
        for (int i = 0; i < queue.length; i++) {
            queue[i] = portMin + 2 * i;
        }
        this.size = queue.length;
    }

    static void checkRange(int portMin, int portMax) {
        if (portMin < 1 || portMax > 65535) {
            throw new IllegalArgumentException(
                    "RTP port range " + portMin + "-" + portMax + " must lie within 1-65535");
        }
        if (portMin % 2 != 0) {
            throw new IllegalArgumentException("RTP port range must start on an even port (RFC 3550 §11): " + portMin);
        }
        if (portMax < portMin + 1) {
            throw new IllegalArgumentException(
                    "RTP port range " + portMin + "-" + portMax + " holds no RTP/RTCP port pair");
        }
    }

    /** The RTP port that has been free the longest, or empty when every pair is in use. */
    public synchronized OptionalInt acquire() {
        if (size == 0) {
            return OptionalInt.empty();
        }
        int port = queue[head];
        head = (head + 1) % queue.length;
        size--;
        inUse.set(index(port));
        return OptionalInt.of(port);
    }

    /** Puts {@code port} back at the end of the queue. */
    public synchronized void release(int port) {
        int index = index(port);
        if (port < portMin || port % 2 != 0 || index >= queue.length) {
            throw new IllegalArgumentException("port " + port + " is not an RTP port of this pool");
        }
        if (!inUse.get(index)) {
            throw new IllegalStateException("port " + port + " is not in use");
        }
        inUse.clear(index);
        queue[(head + size) % queue.length] = port;
        size++;
    }

    /** Number of pairs that {@link #acquire()} can still hand out. */
    public synchronized int free() {
        return size;
    }

    /** Number of pairs in the range. */
    public int capacity() {
        return queue.length;
    }

    /** The range as an operator reads it, e.g. {@code 20000-29999}. */
    public String range() {
        return portMin + "-" + (portMin + 2 * queue.length - 1);
    }

    private int index(int port) {
        return (port - portMin) / 2;
    }
}
