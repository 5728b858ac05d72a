package org.callgate.app;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.callgate.media.G711;

/**
 * What a test caller hears from callgate's prompts, read on a thread of its own: the A-law RTP
 * of callgate's prompt stream split into talkspurts, one per playback, since callgate marks the
 * first packet of each with the RTP marker bit (RFC 3551 §4.1). Packets of other SSRCs (relayed
 * from the agent) are not prompts and are left out.
 */
final class Talkspurts implements AutoCloseable {

    /** One playback as received: its length in 20 ms packets and its loudness. */
    static final class Talkspurt {
        private int packets;
        private double sumOfSquares;
        private long samples;
        private long lastArrivalNanos;

        synchronized int packets() {
            return packets;
        }

        /** Milliseconds of audio received. */
        synchronized long millis() {
            return packets * 20L;
        }

        /** RMS of the decoded A-law: speech is well above the few units of silence. */
        synchronized double rms() {
            return Math.sqrt(sumOfSquares / Math.max(1, samples));
        }

        /** No packet for {@code gap}: the playback ended (or was stopped). */
        synchronized boolean endedFor(Duration gap) {
            return System.nanoTime() - lastArrivalNanos > gap.toNanos();
        }

        private synchronized void add(byte[] packet, int length) {
            packets++;
            lastArrivalNanos = System.nanoTime();
            for (int i = 12; i < length; i++) {
                double sample = G711.alawDecode(packet[i]);
                sumOfSquares += sample * sample;
                samples++;
            }
        }
    }

    private final DatagramSocket socket;
    private final List<Talkspurt> heard = new ArrayList<>();
    private final Thread reader;
    private long promptSsrc = -1;

    Talkspurts(DatagramSocket socket) {
        this.socket = socket;
        this.reader = Thread.ofVirtual().name("talkspurts").start(this::read);
    }

    /** Waits until the {@code n}th talkspurt (from 1) has begun and returns it. */
    Talkspurt awaitStart(int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (heard) {
                if (heard.size() >= n) {
                    return heard.get(n - 1);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("talkspurt " + n + " did not begin within " + within + "; heard " + count());
    }

    /** Waits until the {@code n}th talkspurt has begun and then ended (no packet for 500 ms). */
    Talkspurt awaitEnd(int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Talkspurt spurt = awaitStart(n, within);
        while (System.nanoTime() < deadline) {
            if (spurt.endedFor(Duration.ofMillis(500)) || count() > n) {
                return spurt;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("talkspurt " + n + " did not end within " + within);
    }

    int count() {
        synchronized (heard) {
            return heard.size();
        }
    }

    List<Talkspurt> all() {
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    private void read() {
        byte[] buffer = new byte[1500];
        try {
            socket.setSoTimeout(0);
            while (!Thread.currentThread().isInterrupted()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                take(buffer, packet.getLength());
            }
        } catch (SocketException closed) {
            // the caller hung up and closed its socket
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void take(byte[] packet, int length) {
        if (length <= 12 || (packet[1] & 0x7f) != 8) {
            return; // not A-law audio (RTCP, telephone-events)
        }
        long ssrc = ((packet[8] & 0xffL) << 24)
                | ((packet[9] & 0xff) << 16)
                | ((packet[10] & 0xff) << 8)
                | (packet[11] & 0xff);
        boolean marker = (packet[1] & 0x80) != 0;
        synchronized (heard) {
            if (promptSsrc < 0 && marker) {
                promptSsrc = ssrc; // the first prompt of the call
            }
            if (ssrc != promptSsrc) {
                return;
            }
            if (marker || heard.isEmpty()) {
                heard.add(new Talkspurt());
            }
            heard.getLast().add(packet, length);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
