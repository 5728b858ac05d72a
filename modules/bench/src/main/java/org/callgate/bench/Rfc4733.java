package org.callgate.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RTP packets of one key press as RFC 4733 telephone-events (payload type 101): two updates, the
 * first with the marker bit, then the end packet three times (§2.5.1.4), all with the same
 * timestamp, to be sent 20 ms apart.
 */
final class Rfc4733 {

    static final int PAYLOAD_TYPE = 101;
    private static final int VOLUME = 10;
    private static final int[] DURATIONS = {160, 320, 480, 480, 480};

    private Rfc4733() {}

    static ByteBuffer[] keyPress(int event) {
        int ssrc = ThreadLocalRandom.current().nextInt();
        int timestamp = ThreadLocalRandom.current().nextInt();
        int seq = ThreadLocalRandom.current().nextInt(0, 30000);
        ByteBuffer[] packets = new ByteBuffer[DURATIONS.length];
        for (int i = 0; i < DURATIONS.length; i++) {
            ByteBuffer p = ByteBuffer.allocate(16);
            p.put((byte) 0x80).put((byte) ((i == 0 ? 0x80 : 0) | PAYLOAD_TYPE)).putShort((short) (seq + i));
            p.putInt(timestamp).putInt(ssrc);
            p.put((byte) event).put((byte) ((i >= 2 ? 0x80 : 0) | VOLUME)).putShort((short) DURATIONS[i]);
            packets[i] = p.flip();
        }
        return packets;
    }
}
