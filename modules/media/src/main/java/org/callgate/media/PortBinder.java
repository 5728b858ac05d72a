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
import java.util.function.Function;
import org.callgate.core.media.MediaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns free ports of the {@link PortPool} into bound RTP/RTCP socket pairs, and back.
 *
 * <p>A port in the range may be taken by another process. A pair that fails to bind is closed and
 * released (to the back of the pool, so it is not retried at once) and the next pair is tried, up
 * to {@value #MAX_ATTEMPTS} times per leg. Binding waits for the event loop, so it must not be
 * called from a media thread.
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
     * Binds an RTP/RTCP pair on {@code loop}, each channel set up by {@code initializer}.
     *
     * @throws MediaUnavailableException when the pool is empty or no pair could be bound
     */
    BoundPair bind(EventLoop loop, Function<PacketKind, ChannelHandler> initializer)
            throws MediaUnavailableException {
        Throwable lastFailure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            OptionalInt free = pool.acquire();
            if (free.isEmpty()) {
                throw new MediaUnavailableException("no free RTP port pair in " + pool.range(), lastFailure);
            }
            int port = free.getAsInt();
            ChannelFuture rtp = bindOne(loop, port, initializer.apply(PacketKind.RTP));
            ChannelFuture rtcp = rtp.isSuccess()
                    ? bindOne(loop, port + 1, initializer.apply(PacketKind.RTCP))
                    : null;
            if (rtcp != null && rtcp.isSuccess()) {
                track(rtp.channel());
                track(rtcp.channel());
                return new BoundPair(port, rtp.channel(), rtcp.channel());
            }
            lastFailure = rtcp == null ? rtp.cause() : rtcp.cause();
            LOG.warn("RTP port pair {}/{} on {} cannot be bound, skipping it: {}",
                    port, port + 1, bindAddress.getHostAddress(), lastFailure.toString());
            rtp.channel().close().awaitUninterruptibly();
            if (rtcp != null) {
                rtcp.channel().close().awaitUninterruptibly();
            }
            pool.release(port);
        }
        throw new MediaUnavailableException("could not bind an RTP port pair on "
                + bindAddress.getHostAddress() + " after " + MAX_ATTEMPTS + " attempts", lastFailure);
    }

    /**
     * Closes both channels of {@code pair}, then gives its port back to the pool. The returned
     * future completes on the channels' event loop once the port is free again.
     */
    Future<Void> release(BoundPair pair) {
        Promise<Void> released = pair.rtp().eventLoop().newPromise();
        pair.rtp().close().addListener(rtpClosed -> pair.rtcp().close().addListener(rtcpClosed -> {
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
        return new Bootstrap()
                .group(loop)
                .channel(transport.channelClass())
                .handler(initializer)
                .bind(new InetSocketAddress(bindAddress, port))
                .awaitUninterruptibly();
    }

    private void track(Channel channel) {
        openChannels.incrementAndGet();
        channel.closeFuture().addListener(closed -> openChannels.decrementAndGet());
    }
}
