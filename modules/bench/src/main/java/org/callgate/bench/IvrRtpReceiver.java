package org.callgate.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The harness's receive side: one thread reads every caller's RTP socket and records the gap
 * between each caller's consecutive prompt packets, until the caller's key was sent (what comes
 * after it is counted apart, since the prompt then stops).
 */
@SuppressForbidden("a load generator measures arrival times with the monotonic clock")
final class IvrRtpReceiver implements Runnable {

    private static final int PCMA = 8;

    private final Selector selector;
    private final BooleanSupplier running;
    private final Supplier<JitterRecorder> jitter;

    IvrRtpReceiver(Selector selector, BooleanSupplier running, Supplier<JitterRecorder> jitter) {
        this.selector = selector;
        this.running = running;
        this.jitter = jitter;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        try {
            while (running.getAsBoolean()) {
                selector.select(100);
                var keys = selector.selectedKeys();
                for (SelectionKey k : keys) {
                    IvrCaller c = (IvrCaller) k.attachment();
                    while (true) {
                        buffer.clear();
                        if (c.rtp.receive(buffer) == null) {
                            break;
                        }
                        onRtp(c, System.nanoTime(), buffer.get(1) & 0x7f);
                    }
                }
                keys.clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onRtp(IvrCaller c, long now, int payloadType) {
        long dtmfAt = c.dtmfSentNs;
        if (dtmfAt != 0 && now >= dtmfAt) {
            c.afterDtmf++;
            return;
        }
        c.packets++;
        if (payloadType != PCMA) {
            c.otherPayload++;
        }
        if (c.lastNs != 0) {
            jitter.get().gap(now, now - c.lastNs);
        }
        c.lastNs = now;
    }
}
