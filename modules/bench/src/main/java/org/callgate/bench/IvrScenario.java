package org.callgate.bench;

import static org.callgate.bench.SipText.branch;
import static org.callgate.bench.SipText.header;
import static org.callgate.bench.SipText.sdpAddress;
import static org.callgate.bench.SipText.send;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What each {@link IvrLoad} caller does on the SIP side: INVITE (PCMA 8 + telephone-event 101,
 * retransmitted until answered), ACK, one RFC 4733 key {@code dtmfNs} after the answer and BYE
 * {@code windowNs} after it (retried until answered). It answers what callgate sends the callers
 * (its BYE, for one) with 200.
 *
 * <p>It exists so that {@link IvrLoad} keeps the run (sockets, threads, ramp, measurement window,
 * report) and this class one call's script. It runs on the SIP thread ({@link #onSip}) and on
 * the timer's threads; what it notes about a caller is in the {@link IvrCaller}'s volatile fields.
 */
@SuppressForbidden("a load generator notes when each call is answered and its key sent with System.nanoTime")
final class IvrScenario {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramSocket sip;
    private final int sipPort;
    private final String number;
    private final int key;
    private final long dtmfNs;
    private final long windowNs;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier running;
    private final Map<String, IvrCaller> byCallId = new ConcurrentHashMap<>();

    /** {@code sip} is the callers' socket; {@code sipPort} callgate's, on loopback. */
    IvrScenario(
            DatagramSocket sip,
            int sipPort,
            String number,
            int key,
            long dtmfNs,
            long windowNs,
            ScheduledExecutorService timer,
            BooleanSupplier running) {
        this.sip = sip;
        this.sipPort = sipPort;
        this.number = number;
        this.key = key;
        this.dtmfNs = dtmfNs;
        this.windowNs = windowNs;
        this.timer = timer;
        this.running = running;
    }

    /** Makes {@code c}'s SIP responses known; before the SIP thread starts. */
    void add(IvrCaller c) {
        byCallId.put(c.callId, c);
    }

    /** Starts {@code c}'s call. */
    void invite(IvrCaller c) {
        String sdp = "v=0\r\no=ivrload " + c.index + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + localPort(c) + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n";
        c.invite = request(
                c, "INVITE", "<sip:" + number + "@127.0.0.1>", 1, branch(), "Content-Type: application/sdp\r\n", sdp);
        sendSip(c.invite);
        retransmitInvite(c, 500);
    }

    /** A message from callgate to the callers' socket; on the SIP thread. */
    void onSip(String message, InetSocketAddress source) {
        if (!message.startsWith("SIP/2.0 ")) {
            send(sip, SipText.reply(message, 200, null, "", sip.getLocalPort()), source); // BYE etc. from callgate
            return;
        }
        IvrCaller c = byCallId.get(header(message, "Call-ID", "i"));
        if (c == null) {
            return;
        }
        int status = Integer.parseInt(message.substring(8, 11));
        String cseq = header(message, "CSeq", null);
        if (cseq.endsWith("INVITE")) {
            onInviteResponse(c, status, message);
        } else if (cseq.endsWith("BYE") && status >= 200) {
            c.byeAnswered = true;
        }
    }

    private void onInviteResponse(IvrCaller c, int status, String message) {
        c.responded = true;
        if (status >= 200 && status < 300) {
            boolean first = c.okNs == 0;
            if (first) {
                c.toHeader = header(message, "To", "t");
                c.remoteRtp = sdpAddress(message.substring(message.indexOf("\r\n\r\n") + 4));
            }
            sendSip(request(c, "ACK", c.toHeader, 1, branch(), "", ""));
            if (first) {
                long now = System.nanoTime();
                c.okNs = now;
                timer.schedule(() -> dtmf(c), dtmfNs, TimeUnit.NANOSECONDS);
                timer.schedule(() -> bye(c, 0), windowNs, TimeUnit.NANOSECONDS);
            }
        } else if (status >= 300) {
            c.failed = true;
        }
    }

    private void retransmitInvite(IvrCaller c, long afterMs) {
        if (afterMs > 4000) {
            return;
        }
        timer.schedule(
                () -> {
                    if (!c.responded && running.getAsBoolean()) {
                        sendSip(c.invite);
                        retransmitInvite(c, afterMs * 2);
                    }
                },
                afterMs,
                TimeUnit.MILLISECONDS);
    }

    private static int localPort(IvrCaller c) {
        try {
            return ((InetSocketAddress) c.rtp.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String request(
            IvrCaller c, String method, String to, int cseq, String branch, String headers, String body) {
        String from = String.format(Locale.ROOT, "0222%05d", c.index);
        return method + " sip:" + number + "@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "From: \"ivrload-" + c.index + "\" <sip:" + from + "@127.0.0.1>;tag=" + c.fromTag + "\r\n"
                + "To: " + to + "\r\nCall-ID: " + c.callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:ivrload@127.0.0.1:" + sip.getLocalPort() + ">\r\n" + headers
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void sendSip(String message) {
        send(sip, message, new InetSocketAddress(LOOPBACK, sipPort));
    }

    private void bye(IvrCaller c, int attempt) {
        if (c.byeAnswered || attempt > 3 || !running.getAsBoolean()) {
            return;
        }
        sendSip(request(c, "BYE", c.toHeader, 2, branch(), "", ""));
        timer.schedule(() -> bye(c, attempt + 1), 500L << attempt, TimeUnit.MILLISECONDS);
    }

    /** Sends the RFC 4733 key's packets 20 ms apart from {@code c}'s RTP socket. */
    private void dtmf(IvrCaller c) {
        if (!running.getAsBoolean() || c.remoteRtp == null) {
            return;
        }
        c.dtmfSentNs = System.nanoTime();
        ByteBuffer[] packets = Rfc4733.keyPress(key);
        for (int i = 0; i < packets.length; i++) {
            ByteBuffer p = packets[i];
            timer.schedule(
                    () -> {
                        try {
                            c.rtp.send(p, c.remoteRtp);
                        } catch (IOException e) {
                            // socket closed at the end of the run
                        }
                    },
                    20L * i,
                    TimeUnit.MILLISECONDS);
        }
    }
}
