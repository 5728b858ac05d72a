package org.callgate.media;

import io.netty.channel.EventLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.callgate.core.media.Audio;
import org.callgate.core.media.AudioSink;
import org.callgate.core.media.CallRecording;
import org.callgate.core.media.LegSide;
import org.callgate.core.media.MediaListener;
import org.callgate.core.media.MediaSession;
import org.callgate.core.media.MediaUnavailableException;
import org.callgate.core.media.Playback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call: a caller leg and an agent leg, their four sockets all registered on one
 * event loop so that relaying never crosses threads.
 *
 * <p>The {@link InactivityWatch} also runs on that loop, started by {@link #established()}: it
 * reports the session once when neither leg has received RTP or RTCP for the configured time.
 *
 * <p>So do the IVR parts: the {@link RelaySwitch} the relay steps read, the {@link PromptPlayer}
 * playing to the caller (at most one at a time) and the {@link DtmfTap} on the caller leg, whose
 * key presses are reported from here. Listener callbacks run on the loop, never inside the call
 * that caused them from another thread, and a failing listener is logged, never propagated.
 *
 * <p>Binding the legs' ports and releasing them on close is {@link SessionPorts}'s part.
 */
final class NettyMediaSession implements MediaSession {

    private static final Logger LOG = LoggerFactory.getLogger(NettyMediaSession.class);

    private final String callId;
    private final MediaListener listener;
    private final EventLoop loop;
    private final Clock clock;
    private final NettyMediaLeg caller;
    private final NettyMediaLeg agent;
    private final InactivityWatch watch;
    private final SessionPorts ports;
    private final RelaySwitch relay = new RelaySwitch();
    private final RecorderSlot recorderSlot = new RecorderSlot();
    private volatile SessionRecording recording;
    /** The playback sending to the caller; event loop only. */
    private PromptPlayer playing;

    NettyMediaSession(
            String callId,
            MediaListener listener,
            EventLoop loop,
            MediaSettings settings,
            PortBinder binder,
            Consumer<NettyMediaSession> onClosed) {
        this.callId = callId;
        this.listener = listener;
        this.loop = loop;
        this.clock = settings.clock();
        this.caller = new NettyMediaLeg(callId, LegSide.CALLER, settings.advertisedAddress(), clock);
        this.agent = new NettyMediaLeg(callId, LegSide.AGENT, settings.advertisedAddress(), clock);
        this.watch = new InactivityWatch(
                loop,
                settings,
                () -> Math.max(caller.lastReceivedMillis(), agent.lastReceivedMillis()),
                this::reportInactive);
        this.ports = new SessionPorts(callId, loop, binder, caller, agent, () -> onClosed.accept(this));
    }

    /**
     * Binds both legs' port pairs, both at once on the session's loop, and waits for them; on
     * failure the caller must {@link #close()} the session (which frees a pair that was bound).
     * Not from a media thread: it waits for the loop.
     */
    void bind() throws MediaUnavailableException {
        ports.bind(relay, this::reportDtmf, recorderSlot);
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public NettyMediaLeg caller() {
        return caller;
    }

    @Override
    public NettyMediaLeg agent() {
        return agent;
    }

    /** The event loop all of this session's channels and tasks run on. */
    EventLoop eventLoop() {
        return loop;
    }

    @Override
    public void established() {
        long now = clock.millis();
        try {
            loop.execute(() -> watch.start(now));
        } catch (RejectedExecutionException e) {
            LOG.debug("call {}: media relay shut down, no inactivity watch", callId);
        }
    }

    /** {@inheritDoc} Takes effect for the next packet received; may be called from any thread. */
    @Override
    public void relay(boolean on) {
        relay.set(on);
        if (LOG.isDebugEnabled()) {
            try (CallMdc ignored = CallMdc.enter(callId)) {
                LOG.debug("relay between the legs {}", on ? "on" : "off");
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns at once; the playback starts on the session's event loop, and its listener is
     * never called from inside this method, except when the media relay is shut down (then it is
     * told {@code finished(true)} at once). On a closed session it ends at once, interrupted.
     */
    @Override
    public Playback play(List<Audio> clips, Playback.Listener listener) {
        Objects.requireNonNull(listener, "listener");
        PromptPlayer player = new PromptPlayer(this, caller, List.copyOf(clips), listener);
        try {
            loop.execute(player::start);
        } catch (RejectedExecutionException e) {
            player.tell(true);
        }
        return player;
    }

    /** {@inheritDoc} The recording also stops when the session closes. */
    @Override
    public synchronized CallRecording record(AudioSink sink, Instant start) {
        if (recording == null) {
            recording = new SessionRecording(callId, loop, clock, recorderSlot, sink, start.toEpochMilli());
        }
        return recording;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Called from outside the media threads, this returns once the ports are free again (or after
     * a few seconds at most); from a media thread, e.g. inside {@link MediaListener#onInactive}, it
     * returns at once and the close completes right after.
     */
    @Override
    public void close() {
        ports.close(this::stopOnLoop);
    }

    @Override
    public String toString() {
        return "media session of " + callId;
    }

    private void reportInactive() {
        if (ports.closing()) {
            return;
        }
        try (CallMdc ignored = CallMdc.enter(callId)) {
            LOG.info("no RTP or RTCP on either leg for {} ms, media inactive", watch.silentMillis());
            try {
                listener.onInactive(this);
            } catch (RuntimeException e) {
                LOG.warn("media listener failed on inactivity", e);
            }
        }
    }

    /** Runs {@code task} on the loop, at once if already there; false when the loop is gone. */
    boolean onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return true;
        }
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    boolean closing() {
        return ports.closing();
    }

    Clock clock() {
        return clock;
    }

    /** {@code player} starts: whatever played before is stopped first. Event loop only. */
    void nowPlaying(PromptPlayer player) {
        // Stopping tells a listener, which may only queue a new playback, so this ends.
        for (PromptPlayer previous = playing; previous != null && previous != player; previous = playing) {
            previous.stopOnLoop();
        }
        playing = player;
    }

    /** {@code player} ended. Event loop only. */
    void notPlaying(PromptPlayer player) {
        if (playing == player) {
            playing = null;
        }
    }

    /** A key press on the caller leg, from its {@link DtmfTap}. Event loop only. */
    private void reportDtmf(char key) {
        if (ports.closing()) {
            return;
        }
        try (CallMdc ignored = CallMdc.enter(callId)) {
            // The key itself is never logged: callers type account numbers and PINs.
            LOG.debug("caller pressed a key");
            try {
                listener.onDtmf(this, key);
            } catch (RuntimeException e) {
                LOG.warn("media listener failed on a key press", e);
            }
        }
    }

    /** Stops what runs on the loop before the ports are released. Event loop only. */
    private void stopOnLoop() {
        watch.stop();
        SessionRecording recorded = recording;
        if (recorded != null) {
            recorded.stopOnLoop();
        }
        PromptPlayer current = playing;
        if (current != null) {
            current.stopOnLoop();
        }
    }
}
