package org.callgate.media;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
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

    IoHandlerFactory ioHandlerFactory() {
        return ioHandlerFactory.get();
    }

    Class<? extends DatagramChannel> channelClass() {
        return channelClass;
    }
}
