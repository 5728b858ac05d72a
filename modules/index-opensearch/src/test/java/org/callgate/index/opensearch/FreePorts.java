package org.callgate.index.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Runs of consecutive loopback ports that are free now, for the nodes of a test cluster. */
final class FreePorts {

    private static final int ATTEMPTS = 100;

    private FreePorts() {}

    /**
     * The first of {@code count} consecutive free ports. The kernel picks the first; the others are
     * checked by binding them, and another run is tried when one is taken.
     */
    static int range(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<ServerSocket> held = new ArrayList<>();
            try {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
                int first = held.getFirst().getLocalPort();
                if (first + count > 65_535) {
                    continue;
                }
                for (int i = 1; i < count; i++) {
                    held.add(new ServerSocket(first + i, 1, InetAddress.getLoopbackAddress()));
                }
                return first;
            } catch (IOException taken) {
                // one of the run is in use: try another
            } finally {
                close(held);
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports in " + ATTEMPTS + " attempts");
    }

    private static void close(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
