package org.callgate.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.callgate.core.media.MediaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns free ports of the {@link PortPool} into bound RTP/RTCP socket pairs, and back.
 *
 * <p>A port in the range may be taken by another process. A pair that fails to bind is closed and
 * released (to the back of the pool, so it is not retried at once) and the next pair is tried, up
 * to {@value #MAX_ATTEMPTS} times per leg.
 */
final class PortBinder {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PortBinder.class);

    private final PortPool pool;
    private final Transport transport;
    private final InetAddress bindAddress;
    private final AtomicInteger openChannels = new AtomicInteger();

    PortBinder(PortPool pool, Transport transport, InetAddress bindAddress) {
        this.pool = pool;
        this.transport = transport;
        this.bindAddress = bindAddress;
    }

    /**
     * Binds an RTP/RTCP pair on {@code loop}, each channel set up by {@code initializer}. The steps
     * run on the event loop, chained by listeners, so a caller binding a whole session waits for
     * the loop once rather than once per socket (under load the loop is busy relaying, and every
     * round trip delays the call's set-up).
     *
     * @return completes on the loop with the pair, or fails with {@link MediaUnavailableException}
     *     when the pool is empty or no pair could be bound
     */
    Future<BoundPair> bind(EventLoop loop, Function<PacketKind, ChannelHandler> initializer) {
        Promise<BoundPair> bound = loop.newPromise();
        attempt(loop, initializer, 1, null, bound);
        return bound;
    }

    private void attempt(
            EventLoop loop,
            Function<PacketKind, ChannelHandler> initializer,
            int attempt,
            Throwable lastFailure,
            Promise<BoundPair> bound) {
        if (attempt > MAX_ATTEMPTS) {
            bound.setFailure(new MediaUnavailableException(
                    "could not bind an RTP port pair on " + bindAddress.getHostAddress() + " after " + MAX_ATTEMPTS
                            + " attempts",
                    lastFailure));
            return;
        }
        OptionalInt free = pool.acquire();
        if (free.isEmpty()) {
            bound.setFailure(new MediaUnavailableException("no free RTP port pair in " + pool.range(), lastFailure));
            return;
        }
        int port = free.getAsInt();
        bindOne(loop, port, initializer.apply(PacketKind.RTP)).addListener((ChannelFuture rtp) -> {
            if (!rtp.isSuccess()) {
                skip(
                        port,
                        rtp.cause(),
                        rtp.channel().close(),
                        failure -> attempt(loop, initializer, attempt + 1, failure, bound));
                return;
            }
            bindOne(loop, port + 1, initializer.apply(PacketKind.RTCP)).addListener((ChannelFuture rtcp) -> {
                if (!rtcp.isSuccess()) {
                    rtp.channel().close();
                    skip(
                            port,
                            rtcp.cause(),
                            rtcp.channel().close(),
                            failure -> attempt(loop, initializer, attempt + 1, failure, bound));
                    return;
                }
                track(rtp.channel());
                track(rtcp.channel());
                bound.setSuccess(new BoundPair(port, rtp.channel(), rtcp.channel()));
            });
        });
    }

    /** A pair that cannot be bound: logged, its port back to the pool once closed, then the next. */
    private void skip(int port, Throwable cause, Future<?> closed, Consumer<Throwable> next) {
        LOG.warn(
                "RTP port pair {}/{} on {} cannot be bound, skipping it: {}",
                port,
                port + 1,
                bindAddress.getHostAddress(),
                cause.toString());
        closed.addListener(done -> {
            pool.release(port);
            next.accept(cause);
        });
    }

    /**
     * Closes both channels of {@code pair}, then gives its port back to the pool. The returned
     * future completes on the channels' event loop once the port is free again.
     */
    Future<Void> release(BoundPair pair) {
        Promise<Void> released = pair.rtp().eventLoop().newPromise();
        pair.rtp()
                .close()
                .addListener(rtpClosed -> pair.rtcp().close().addListener(rtcpClosed -> {
                    pool.release(pair.port());
                    released.setSuccess(null);
                }));
        return released;
    }

    /** Channels bound and not yet closed, across all sessions. */
    int openChannels() {
        return openChannels.get();
    }

    private ChannelFuture bindOne(EventLoop loop, int port, ChannelHandler initializer) {
        return transport
                .readOptions(new Bootstrap())
                .group(loop)
                .channel(transport.channelClass())
                .handler(initializer)
                .bind(new InetSocketAddress(bindAddress, port));
    }

    private void track(Channel channel) {
        openChannels.incrementAndGet();
        channel.closeFuture().addListener(closed -> openChannels.decrementAndGet());
    }
}
