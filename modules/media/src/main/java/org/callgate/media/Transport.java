package org.callgate.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.util.function.Supplier;

/**
 * The Netty transport the relay's sockets use.
 *
 * <p>Native epoll is preferred on Linux: it reads and writes batches of datagrams with fewer
 * copies and system calls than the JDK selector. NIO is the portable fallback and must behave the
 * same, which is why the relay tests run against both.
 */
public enum Transport {
    EPOLL(EpollIoHandler::newFactory, EpollDatagramChannel.class),
    NIO(NioIoHandler::newFactory, NioDatagramChannel.class);

    /** The largest datagram a relay socket reads: RTP and RTCP of audio stay far below an MTU. */
    static final int MAX_DATAGRAM_BYTES = 2048;
    /**
     * Datagrams one epoll read takes at most, in one {@code recvmmsg} call. The read buffer is
     * {@value #MAX_DATAGRAM_BYTES} bytes a datagram, and 8 of them make 16 KiB, the largest size
     * Netty's adaptive allocator pools when direct memory is capped under 512 MiB, as {@code
     * scripts/callgate} caps it (192 MiB). With 16 (32 KiB) every read allocated, zeroed and freed
     * a buffer of its own: a fifth of the media threads' samples at 400 recorded calls
     * (docs/benchmarks.md).
     */
    static final int DATAGRAMS_PER_READ = 8;

    private final Supplier<IoHandlerFactory> ioHandlerFactory;
    private final Class<? extends DatagramChannel> channelClass;

    Transport(Supplier<IoHandlerFactory> ioHandlerFactory, Class<? extends DatagramChannel> channelClass) {
        this.ioHandlerFactory = ioHandlerFactory;
        this.channelClass = channelClass;
    }

    /**
     * Epoll when its native library loads on this machine, else NIO. Note that asking loads the
     * native library, which Java 25 allows only with {@code --enable-native-access=ALL-UNNAMED}.
     */
    public static Transport best() {
        return EPOLL.isAvailable() ? EPOLL : NIO;
    }

    public boolean isAvailable() {
        return this == NIO || Epoll.isAvailable();
    }

    /**
     * Sets how a relay socket reads. With epoll, each read event is one {@code recvmmsg} of up to
     * {@value #DATAGRAMS_PER_READ} datagrams and no second call: Netty's datagram loop otherwise
     * reads until the socket is empty, and at 50 packets/s per socket that is nearly always one
     * more {@code recvmsg} returning EAGAIN, half of all receive calls (docs/benchmarks.md). Reading
     * a single datagram per event instead lost packets once the cores were saturated (a socket
     * with a backlog then drains one packet per poll); a batch per call keeps both. Epoll is
     * level-triggered in Netty 4.2, so a socket with more waiting is reported again by the next
     * poll. NIO keeps Netty's default.
     */
    Bootstrap readOptions(Bootstrap bootstrap) {
        if (this == EPOLL) {
            bootstrap
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM_BYTES)
                    .option(
                            ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES * DATAGRAMS_PER_READ)
                                    .maxMessagesPerRead(1));
        }
        return bootstrap;
    }

    IoHandlerFactory ioHandlerFactory() {
        return ioHandlerFactory.get();
    }

    Class<? extends DatagramChannel> channelClass() {
        return channelClass;
    }
}
