package org.callgate.sip;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.callgate.core.media.AudioCodec;
import org.callgate.core.media.LegCounters;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaControl;
import org.callgate.core.media.MediaLeg;
import org.callgate.core.media.MediaListener;
import org.callgate.core.media.MediaSession;

/**
 * Media anchoring without sockets: each session's legs have fixed local ports at callgate's
 * advertised address and remember what the B2BUA told them. The session itself is a proxy over
 * {@link Session}, so methods these tests never reach (prompts, recording) need no stand-in.
 */
final class FakeMedia implements MediaControl {

    static final InetAddress CALLGATE = InetAddress.ofLiteral("192.0.2.1");

    private final List<Session> sessions = new ArrayList<>();

    @Override
    public MediaSession open(String callId, MediaListener listener) {
        int port = 40000 + 4 * sessions.size();
        Session session = new Session(callId, new Leg(LegSide.CALLER, port), new Leg(LegSide.AGENT, port + 2));
        sessions.add(session);
        return session.proxy();
    }

    /** The one session opened. */
    Session only() {
        if (sessions.size() != 1) {
            throw new AssertionError(sessions.size() + " media sessions were opened, not 1");
        }
        return sessions.getFirst();
    }

    @Override
    public int openSessions() {
        return (int) sessions.stream().filter(session -> !session.closed).count();
    }

    @Override
    public int freePortPairs() {
        return 1000;
    }

    /** What the B2BUA did with one call's media. */
    static final class Session {
        final String callId;
        final Leg caller;
        final Leg agent;
        boolean established;
        boolean closed;

        Session(String callId, Leg caller, Leg agent) {
            this.callId = callId;
            this.caller = caller;
            this.agent = agent;
        }

        MediaSession proxy() {
            return (MediaSession) Proxy.newProxyInstance(
                    MediaSession.class.getClassLoader(),
                    new Class<?>[] {MediaSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "callId" -> callId;
                        case "caller" -> caller;
                        case "agent" -> agent;
                        case "leg" -> args[0] == LegSide.CALLER ? caller : agent;
                        case "established" -> {
                            established = true;
                            yield null;
                        }
                        case "close" -> {
                            closed = true;
                            yield null;
                        }
                        case "toString" -> "media of " + callId;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName() + " is not faked");
                    });
        }
    }

    /** One leg: its local port, and where the B2BUA said the peer's media is. */
    static final class Leg implements MediaLeg {
        private final LegSide side;
        private final InetSocketAddress local;
        InetSocketAddress remote;
        AudioCodec codec;
        int telephoneEvent = -1;
        boolean held;

        Leg(LegSide side, int port) {
            this.side = side;
            this.local = new InetSocketAddress(CALLGATE, port);
        }

        @Override
        public LegSide side() {
            return side;
        }

        @Override
        public InetSocketAddress localRtp() {
            return local;
        }

        @Override
        public void remote(InetSocketAddress rtp) {
            remote = rtp;
        }

        @Override
        public void hold(boolean on) {
            held = on;
        }

        @Override
        public void payloadTypes(AudioCodec audioCodec, int event) {
            codec = audioCodec;
            telephoneEvent = event;
        }

        @Override
        public LegCounters counters() {
            return new LegCounters(0, 0, 0, 0, 0, 0, 0, 0);
        }
    }
}
