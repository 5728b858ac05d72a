package org.callgate.bench;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link IvrLoad}'s agent queue: answers callgate's agent-leg INVITEs with 200 and SDP, everything
 * else with 200, and notes per caller (found by the From display name callgate passes on) the
 * {@code X-Callgate-Ivr-Path} and the Request-URI user it was sent to.
 */
final class IvrAgent {

    private final DatagramSocket socket;
    private final int port;
    private final List<IvrCaller> callers;
    private final AtomicInteger invites = new AtomicInteger();
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    IvrAgent(DatagramSocket socket, List<IvrCaller> callers) {
        this.socket = socket;
        this.port = socket.getLocalPort();
        this.callers = callers;
    }

    /** Distinct agent-leg INVITEs received. */
    int invites() {
        return invites.get();
    }

    /** Answers until the socket is closed. */
    void run() {
        SipText.serve(socket, this::onSip);
    }

    private void onSip(String message, InetSocketAddress source) {
        if (message.startsWith("SIP/2.0 ") || message.startsWith("ACK ")) {
            return;
        }
        String callId = SipText.header(message, "Call-ID", "i");
        String toTag = Integer.toHexString(callId.hashCode() & 0x7fffffff);
        if (!message.startsWith("INVITE ")) {
            SipText.send(socket, SipText.reply(message, 200, toTag, "", port), source); // BYE, CANCEL, INFO...
            return;
        }
        if (seen.putIfAbsent(callId, "") == null) {
            invites.incrementAndGet();
            note(message);
        }
        String sdp = "v=0\r\no=agent 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + (port + 2) + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
        SipText.send(socket, SipText.reply(message, 200, toTag, sdp, port), source);
    }

    private void note(String invite) {
        String from = SipText.header(invite, "From", "f");
        int quote = from.indexOf("\"ivrload-");
        if (quote < 0) {
            return;
        }
        int index = Integer.parseInt(from.substring(quote + 9, from.indexOf('"', quote + 1)));
        if (index < callers.size()) {
            IvrCaller c = callers.get(index);
            String path = SipText.headerOrNull(invite, "X-Callgate-Ivr-Path", null);
            c.agentPath = path == null ? "" : path;
            String requestUri = invite.substring(7, invite.indexOf(' ', 7));
            c.agentUser = requestUri.substring(requestUri.indexOf(':') + 1, requestUri.indexOf('@'));
        }
    }
}
