package org.callgate.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningPortsTest {

    @Test
    void aBoundUdpSocketIsSeenAndAClosedOneIsNot() throws Exception {
        int port;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = socket.getLocalPort();
            assertThat(ListeningPorts.bound(port, false)).isTrue();
        }
        assertThat(ListeningPorts.bound(port, false)).isFalse();
    }

    @Test
    void aListeningTcpSocketIsSeen() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningPorts.bound(socket.getLocalPort(), true)).isTrue();
        }
    }

    @Test
    void onlyTheListenStateCountsForTcp() {
        List<String> table = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue",
                "   0: 0100007F:13C4 0100007F:D2F0 01 00000000:00000000",
                "   1: 0100007F:13C5 00000000:0000 0A 00000000:00000000");
        assertThat(ListeningPorts.bound(table, 0x13C4, true)).isFalse();
        assertThat(ListeningPorts.bound(table, 0x13C5, true)).isTrue();
        assertThat(ListeningPorts.bound(table, 0x13C4, false)).isTrue();
    }
}
