package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.callgate.media.Latch.Verdict;
import org.junit.jupiter.api.Test;

class LatchTest {

    private static final InetSocketAddress SDP = new InetSocketAddress("192.168.1.10", 4000);
    private static final InetSocketAddress NAT = new InetSocketAddress("203.0.113.7", 61000);
    private static final InetSocketAddress INTRUDER = new InetSocketAddress("198.51.100.9", 5000);

    private final Latch latch = new Latch();

    @Test
    void untilThePeerSendsMediaGoesToTheSdpAddress() {
        latch.expect(SDP);

        assertThat(latch.destination()).isEqualTo(SDP);
        assertThat(latch.latched()).isFalse();
    }

    @Test
    void theFirstPacketLatchesOntoItsSourceWhichBecomesTheDestination() {
        latch.expect(SDP);

        assertThat(latch.accept(NAT)).isEqualTo(Verdict.LATCHED);
        assertThat(latch.destination()).isEqualTo(NAT);
        assertThat(latch.accept(NAT)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void afterLatchingOtherSourcesAreRefusedEvenTheSdpAddress() {
        latch.expect(SDP);
        latch.accept(NAT);

        assertThat(latch.accept(INTRUDER)).isEqualTo(Verdict.REFUSED);
        assertThat(latch.accept(SDP)).isEqualTo(Verdict.REFUSED);
        assertThat(latch.destination()).isEqualTo(NAT);
    }

    @Test
    void aNewSdpAddressRearmsLatching() {
        latch.expect(SDP);
        latch.accept(NAT);

        InetSocketAddress moved = new InetSocketAddress("192.168.1.11", 4002);
        latch.expect(moved);

        assertThat(latch.destination()).isEqualTo(moved);
        assertThat(latch.accept(INTRUDER)).isEqualTo(Verdict.LATCHED);
        assertThat(latch.destination()).isEqualTo(INTRUDER);
    }

    @Test
    void withoutAnAddressThereIsNoDestinationButLatchingStillWorks() {
        latch.expect(null);
        assertThat(latch.destination()).isNull();

        assertThat(latch.accept(NAT)).isEqualTo(Verdict.LATCHED);
        assertThat(latch.destination()).isEqualTo(NAT);
    }

    @Test
    void aFreshLatchHasNoDestinationAndLatchesOnTheFirstPacket() {
        assertThat(latch.destination()).isNull();
        assertThat(latch.accept(SDP).accepted()).isTrue();
        assertThat(latch.accept(NAT).accepted()).isFalse();
    }
}
