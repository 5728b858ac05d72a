package org.callgate.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callgate.core.media.MediaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port pairs of one {@link NettyMediaSession}'s two legs, from binding to release: binds both
 * on the session's event loop while a SIP thread waits, and on close stops the session's parts on
 * that loop, releases the caller's pair and then the agent's, tells the session's owner and wakes
 * whoever waits in {@link #close}.
 *
 * <p>It exists so that the session keeps what a call does with its media (relay, prompts, key
 * presses, recording, inactivity) and this class the lifecycle of the sockets, the one part where
 * other threads wait for the loop. {@link #closing} is the session's flag: once set, nothing more
 * is reported to the session's listener and no playback starts.
 */
final class SessionPorts {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPorts.class);
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    /** The longest a SIP thread waits for the loop to bind a call's sockets. */
    private static final long BIND_WAIT_MILLIS = 5_000;

    private final String callId;
    private final EventLoop loop;
    private final PortBinder binder;
    private final NettyMediaLeg caller;
    private final NettyMediaLeg agent;
    private final Runnable released;
    private final Promise<Void> closed;
    private final AtomicBoolean closing = new AtomicBoolean();

    /** {@code released} runs once both pairs are free, or the loop is found gone. */
    SessionPorts(
            String callId,
            EventLoop loop,
            PortBinder binder,
            NettyMediaLeg caller,
            NettyMediaLeg agent,
            Runnable released) {
        this.callId = callId;
        this.loop = loop;
        this.binder = binder;
        this.caller = caller;
        this.agent = agent;
        this.released = released;
        this.closed = loop.newPromise();
    }

    /**
     * Binds both legs' port pairs, both at once on the loop, each relaying to the other, and waits
     * for them; on failure the caller must {@link #close} (which frees a pair that was bound). Not
     * from a media thread: it waits for the loop.
     */
    void bind(RelaySwitch relay, DtmfDetector.Keys keys, RecorderSlot recorderSlot) throws MediaUnavailableException {
        Future<BoundPair> callerPair =
                binder.bind(loop, kind -> MediaPipeline.initializer(caller, agent, kind, relay, keys, recorderSlot));
        Future<BoundPair> agentPair =
                binder.bind(loop, kind -> MediaPipeline.initializer(agent, caller, kind, relay, keys, recorderSlot));
        caller.attachWhenBound(callerPair, binder, BIND_WAIT_MILLIS);
        agent.attachWhenBound(agentPair, binder, BIND_WAIT_MILLIS);
        NettyMediaLeg.failIfUnbound(callerPair);
        NettyMediaLeg.failIfUnbound(agentPair);
    }

    boolean closing() {
        return closing.get();
    }

    /**
     * The first call runs {@code stopParts} on the loop, then releases both pairs. Outside the loop
     * it returns once they are free (or after a few seconds at most); on the loop, at once.
     */
    void close(Runnable stopParts) {
        if (closing.compareAndSet(false, true)) {
            execute(() -> closeOnLoop(stopParts));
        }
        if (!loop.inEventLoop()) {
            closed.awaitUninterruptibly(CLOSE_WAIT_MILLIS);
        }
    }

    private void closeOnLoop(Runnable stopParts) {
        stopParts.run();
        release(caller)
                .addListener(callerFree -> release(agent).addListener(agentFree -> {
                    released.run();
                    logClosed();
                    closed.setSuccess(null);
                }));
    }

    private Future<Void> release(NettyMediaLeg leg) {
        BoundPair pair = leg.pair();
        return pair == null ? loop.newSucceededFuture(null) : binder.release(pair);
    }

    private void logClosed() {
        if (LOG.isDebugEnabled()) {
            try (CallMdc ignored = CallMdc.enter(callId)) {
                LOG.debug("media closed: caller {}, agent {}", caller.counters(), agent.counters());
            }
        }
    }

    private void execute(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("call {}: media relay already shut down, its channels are closed", callId);
            released.run();
            closed.trySuccess(null);
        }
    }
}
