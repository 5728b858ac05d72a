package org.callgate.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.callgate.sip.SipGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway's side of {@code callgate drain} (ADR 0017): once a second it looks for the
 * node's drain request ({@link DrainFiles}), drains the SIP side while the request is there and
 * takes new calls again once it is gone, and writes its status (state, calls in progress, the
 * request it drains for) whenever that changes, for the command to follow.
 *
 * <p>The first look is made before SIP starts, so a node restarted while a drain was requested
 * comes back draining, and its first OPTIONS already gets 503.
 */
final class DrainWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrainWatch.class);

    /** How often the request file is looked at: its cost is one {@code stat}. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    /** What the watch drives: {@link SipGateway}, or a test's stand-in. */
    interface Node {
        void drain();

        void resume();

        boolean draining();

        int activeCalls();
    }

    private final DrainFiles files;
    private final Node node;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("callgate-drain-watch").daemon().factory());
    private DrainFiles.Status written;
    private boolean unreadable;

    DrainWatch(DrainFiles files, Node node, Clock clock) {
        this.files = files;
        this.node = node;
        this.clock = clock;
    }

    /** Looks once now, then every {@link #INTERVAL}. */
    static DrainWatch start(DrainFiles files, SipGateway sip, Clock clock) {
        return start(files, over(sip), clock);
    }

    /** Looks once now, then every {@link #INTERVAL}. */
    static DrainWatch start(DrainFiles files, Node node, Clock clock) {
        DrainWatch watch = new DrainWatch(files, node, clock);
        watch.check();
        watch.timer.scheduleWithFixedDelay(
                watch::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    static Node over(SipGateway sip) {
        return new Node() {
            @Override
            public void drain() {
                sip.drain();
            }

            @Override
            public void resume() {
                sip.resume();
            }

            @Override
            public boolean draining() {
                return sip.draining();
            }

            @Override
            public int activeCalls() {
                return sip.activeCalls();
            }
        };
    }

    /** One look at the request, and the status written if it changed. Never throws. */
    synchronized void check() {
        try {
            Optional<DrainFiles.Request> request = request();
            if (request.isPresent() && !node.draining()) {
                LOG.info("drain requested {} ({})", request.get().describe(), files.request);
                node.drain();
            } else if (request.isEmpty() && node.draining()) {
                LOG.info("drain request withdrawn ({} is gone)", files.request);
                node.resume();
            }
            publish(new DrainFiles.Status(
                    node.draining() ? DrainFiles.State.DRAINING : DrainFiles.State.SERVING,
                    node.activeCalls(),
                    request.map(DrainFiles.Request::id).orElse(""),
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("cannot follow the drain request in {}: {}", files.dir(), e.toString());
        }
    }

    private Optional<DrainFiles.Request> request() {
        try {
            Optional<DrainFiles.Request> request = Optional.of(DrainFiles.Request.read(files.request));
            unreadable = false;
            return request;
        } catch (NoSuchFileException e) {
            unreadable = false;
            return Optional.empty();
        } catch (IOException e) {
            // Present but unreadable is still a request: draining is the safe reading of it.
            if (!unreadable) {
                LOG.warn("cannot read the drain request {}, taking it as one: {}", files.request, e.toString());
                unreadable = true;
            }
            return Optional.of(new DrainFiles.Request("", null, null));
        }
    }

    private void publish(DrainFiles.Status status) {
        if (status.sameAs(written)) {
            return;
        }
        try {
            status.write(files.status);
            written = status;
        } catch (IOException e) {
            LOG.warn("cannot write the drain status {}: {}", files.status, e.toString());
        }
    }

    /** Stops looking and says so in the status: the calls have ended with the gateway's shutdown. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        publish(new DrainFiles.Status(
                DrainFiles.State.STOPPED, 0, written == null ? "" : written.request(), clock.instant()));
    }
}
