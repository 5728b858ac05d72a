package org.callgate.media;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callgate.core.media.MediaControl;
import org.callgate.core.media.MediaListener;
import org.callgate.core.media.MediaSession;
import org.callgate.core.media.MediaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media relay: anchors each call's RTP and RTCP (RFC 3550) in callgate with one UDP port pair
 * per leg, relays packets between the legs and latches onto each peer's real source address
 * (symmetric RTP, RFC 4961) so calls through NAT work.
 *
 * <p>One event-loop group (epoll when available, see {@link Transport}) serves all sessions. Each
 * session is pinned to one loop of the group: all four of its sockets and its inactivity watch run
 * there, so a packet is read, checked, counted and relayed on one thread without locks.
 *
 * <p>{@link #open} binds sockets and waits for that to finish; call it and {@link #close()} from
 * signalling threads, not from a media thread.
 *
 * <pre>{@code
 * try (var media = new NettyMediaControl(MediaSettings.of(address, 20000, 29999,
 *         Duration.ofSeconds(30), Clock.systemUTC()))) {
 *     MediaSession session = media.open(callId, s -> hangUp(s.callId()));
 *     // offer session.caller().localRtp() to the caller, session.agent().localRtp() to the agent
 * }
 * }</pre>
 *
 * <p>For a call that goes through the IVR (keys arrive through {@link MediaListener#onDtmf}):
 *
 * <pre>{@code
 * Audio greeting = WavClips.read(Path.of("config/prompts/nl/greeting.wav")); // once, at start-up
 * session.caller().payloadTypes(AudioCodec.PCMU, 101); // from the caller's SDP answer
 * session.relay(false);                                // the caller talks to callgate only
 * Playback playback = session.play(List.of(greeting), interrupted -> ivr.onPromptsFinished());
 * // on a key: playback.stop(); when the agent answers: session.relay(true)
 * }</pre>
 */
public final class NettyMediaControl implements MediaControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyMediaControl.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final MediaSettings settings;
    private final Transport transport;
    private final MultiThreadIoEventLoopGroup group;
    private final PortPool pool;
    private final PortBinder binder;
    private final Set<NettyMediaSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A relay on the best transport of this machine ({@link Transport#best()}). */
    public NettyMediaControl(MediaSettings settings) {
        this(settings, Transport.best());
    }

    public NettyMediaControl(MediaSettings settings, Transport transport) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        if (!transport.isAvailable()) {
            throw new IllegalArgumentException("transport " + transport + " is not available here");
        }
        this.pool = new PortPool(settings.portMin(), settings.portMax());
        this.binder = new PortBinder(pool, transport, settings.bindAddress());
        this.group = new MultiThreadIoEventLoopGroup(
                settings.ioThreads(), new DefaultThreadFactory("callgate-media"), transport.ioHandlerFactory());
        LOG.info(
                "media relay on {} ({}), RTP ports {}, {} event loops, transport {}",
                settings.bindAddress().getHostAddress(),
                settings.advertisedAddress().getHostAddress(),
                pool.range(),
                settings.ioThreads(),
                transport);
    }

    @Override
    public MediaSession open(String callId, MediaListener listener) throws MediaUnavailableException {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(listener, "listener");
        if (closed.get()) {
            throw new MediaUnavailableException("media relay is shut down");
        }
        try (CallMdc ignored = CallMdc.enter(callId)) {
            NettyMediaSession session =
                    new NettyMediaSession(callId, listener, group.next(), settings, binder, sessions::remove);
            try {
                session.bind();
            } catch (MediaUnavailableException | RuntimeException e) {
                session.close();
                throw e;
            }
            sessions.add(session);
            if (closed.get()) {
                session.close();
                throw new MediaUnavailableException("media relay is shut down");
            }
            LOG.debug(
                    "media opened: caller port {}, agent port {}",
                    session.caller().localRtp().getPort(),
                    session.agent().localRtp().getPort());
            return session;
        }
    }

    @Override
    public int openSessions() {
        return sessions.size();
    }

    @Override
    public int freePortPairs() {
        return pool.free();
    }

    /** UDP channels currently open, two per leg of each open session: zero when nothing leaks. */
    public int openChannels() {
        return binder.openChannels();
    }

    public Transport transport() {
        return transport;
    }

    /** Closes every open session, then stops the event loops. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (NettyMediaSession session : List.copyOf(sessions)) {
            session.close();
        }
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        LOG.info("media relay stopped");
    }
}
