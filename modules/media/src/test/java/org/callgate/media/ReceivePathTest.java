package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callgate.core.media.LegCounters;
import org.callgate.core.media.LegSide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The receive path of one socket, driven through {@link EmbeddedChannel}s: what passes, what is
 * dropped and counted, and that every buffer is released either way.
 */
@ExtendWith(LeakDetection.class)
class ReceivePathTest {

    private static final InetSocketAddress CALLER_LOCAL = new InetSocketAddress("127.0.0.1", 20000);
    private static final InetSocketAddress CALLER_PHONE = new InetSocketAddress("10.0.0.5", 7000);
    private static final InetSocketAddress AGENT_PLATFORM = new InetSocketAddress("10.9.0.1", 9000);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final NettyMediaLeg caller = new NettyMediaLeg("call-1", LegSide.CALLER, CALLER_LOCAL.getAddress(), clock);
    private final NettyMediaLeg agent = new NettyMediaLeg("call-1", LegSide.AGENT, CALLER_LOCAL.getAddress(), clock);
    private final List<ByteBuf> sent = new ArrayList<>();
    private EmbeddedChannel callerRtp;
    private EmbeddedChannel callerRtcp;
    private EmbeddedChannel agentRtp;
    private EmbeddedChannel agentRtcp;

    @BeforeEach
    void wireTwoLegs() {
        callerRtp = socket(caller, agent, PacketKind.RTP);
        callerRtcp = socket(caller, agent, PacketKind.RTCP);
        agentRtp = socket(agent, caller, PacketKind.RTP);
        agentRtcp = socket(agent, caller, PacketKind.RTCP);
        caller.attach(new BoundPair(20000, callerRtp, callerRtcp));
        agent.attach(new BoundPair(20002, agentRtp, agentRtcp));
        caller.remote(CALLER_PHONE);
        agent.remote(AGENT_PLATFORM);
    }

    @AfterEach
    void everyBufferWasReleased() {
        for (EmbeddedChannel channel : List.of(callerRtp, callerRtcp, agentRtp, agentRtcp)) {
            channel.finishAndReleaseAll();
        }
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    @Test
    void rtpFromTheCallersPeerGoesOutOfTheAgentSocketToTheAgentPeerUntouched() {
        byte[] rtp = TestPackets.rtp(17);
        callerRtp.writeInbound(packet(rtp, CALLER_PHONE));

        DatagramPacket out = agentRtp.readOutbound();
        try {
            assertThat(out.recipient()).isEqualTo(AGENT_PLATFORM);
            assertThat(ByteBufUtil.getBytes(out.content())).isEqualTo(rtp);
        } finally {
            out.release();
        }
        assertThat(callerRtp.<Object>readInbound())
                .as("relay consumes the packet")
                .isNull();
        assertThat(callerRtp.<Object>readOutbound())
                .as("nothing goes back to the sender")
                .isNull();
    }

    @Test
    void rtcpGoesToThePeersRtpPortPlusOne() {
        agentRtcp.writeInbound(packet(TestPackets.rtcpReceiverReport(3), new InetSocketAddress("10.9.0.1", 9001)));

        DatagramPacket out = callerRtcp.readOutbound();
        out.release();
        assertThat(out.recipient()).isEqualTo(new InetSocketAddress("10.0.0.5", 7001));
        assertThat(agent.counters().rtcpIn()).isOne();
        assertThat(caller.counters().rtcpOut()).isOne();
    }

    @Test
    void countsInOnTheReceivingLegAndOutOnTheSendingLeg() {
        callerRtp.writeInbound(packet(TestPackets.rtp(1), CALLER_PHONE), packet(TestPackets.rtp(2), CALLER_PHONE));
        releaseOutbound(agentRtp);

        int size = TestPackets.rtp(1).length;
        assertThat(caller.counters()).isEqualTo(new LegCounters(2, 2L * size, 0, 0, 0, 0, 0, 0));
        assertThat(agent.counters()).isEqualTo(new LegCounters(0, 0, 0, 2, 2L * size, 0, 0, 0));
    }

    @Test
    void sequenceGapsAreCountedAsLossOnTheReceivingLeg() {
        for (int seq : new int[] {1, 2, 5, 6, 4}) {
            callerRtp.writeInbound(packet(TestPackets.rtp(seq), CALLER_PHONE));
        }
        releaseOutbound(agentRtp);

        assertThat(caller.counters().packetsLost())
                .as("3 never arrived, 4 was only late")
                .isOne();
        assertThat(caller.counters().lossRatio()).isEqualTo(1.0 / 6);
    }

    @Test
    void datagramsThatAreNotRtpAreDroppedCountedAndReleased() {
        byte[] versionOne = TestPackets.rtp(1);
        versionOne[0] = 0x40;

        callerRtp.writeInbound(packet(new byte[] {(byte) 0x80, 0, 0}, CALLER_PHONE), packet(versionOne, CALLER_PHONE));

        assertThat(agentRtp.<Object>readOutbound()).isNull();
        assertThat(caller.counters().dropped()).isEqualTo(2);
        assertThat(caller.counters().packetsIn()).isZero();
        assertThat(caller.latch(PacketKind.RTP).latched())
                .as("garbage must not latch")
                .isFalse();
    }

    @Test
    void rtpOnTheRtcpSocketIsNotRtcp() {
        callerRtcp.writeInbound(packet(TestPackets.rtp(1), CALLER_PHONE));

        assertThat(agentRtcp.<Object>readOutbound()).isNull();
        assertThat(caller.counters().dropped()).isOne();
        assertThat(caller.counters().rtcpIn()).isZero();
    }

    @Test
    void afterLatchingAForeignSourceIsDroppedCountedAndReleased() {
        InetSocketAddress nat = new InetSocketAddress("203.0.113.7", 40000);
        callerRtp.writeInbound(packet(TestPackets.rtp(1), nat));
        releaseOutbound(agentRtp);

        callerRtp.writeInbound(packet(TestPackets.rtp(2), CALLER_PHONE));

        assertThat(agentRtp.<Object>readOutbound()).isNull();
        assertThat(caller.counters().dropped()).isOne();
        assertThat(caller.counters().packetsIn()).isOne();
    }

    @Test
    void mediaForTheLatchedPeerGoesToItsActualSource() {
        InetSocketAddress nat = new InetSocketAddress("203.0.113.7", 40000);
        callerRtp.writeInbound(packet(TestPackets.rtp(1), nat));
        releaseOutbound(agentRtp);

        agentRtp.writeInbound(packet(TestPackets.rtp(9), AGENT_PLATFORM));

        DatagramPacket out = callerRtp.readOutbound();
        out.release();
        assertThat(out.recipient()).isEqualTo(nat);
    }

    @Test
    void withoutADestinationThePacketIsDroppedAndCountedOnTheReceivingLeg() {
        agent.remote(null);

        callerRtp.writeInbound(packet(TestPackets.rtp(1), CALLER_PHONE));

        assertThat(agentRtp.<Object>readOutbound()).isNull();
        assertThat(caller.counters().dropped()).isOne();
        assertThat(caller.counters().packetsIn())
                .as("it did come from the peer")
                .isOne();
        assertThat(agent.counters().packetsOut()).isZero();
    }

    @Test
    void theHoldAddressMeansTheDestinationIsUnknown() {
        agent.remote(new InetSocketAddress("0.0.0.0", 9000));

        callerRtp.writeInbound(packet(TestPackets.rtp(1), CALLER_PHONE));

        assertThat(agentRtp.<Object>readOutbound()).isNull();
        assertThat(caller.counters().dropped()).isOne();
    }

    @Test
    void whenTheOtherLegCannotKeepUpPacketsAreDroppedInsteadOfQueued() {
        agentRtp.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 100));

        callerRtp.writeInbound(
                packet(TestPackets.rtp(1), CALLER_PHONE),
                packet(TestPackets.rtp(2), CALLER_PHONE),
                packet(TestPackets.rtp(3), CALLER_PHONE));

        assertThat(releaseOutbound(agentRtp))
                .as("only the first fits before the flush")
                .isOne();
        assertThat(caller.counters().dropped()).isEqualTo(2);
        assertThat(agent.counters().packetsOut()).isOne();
        assertThat(agentRtp.isWritable())
                .as("the batch was flushed at read complete")
                .isTrue();
    }

    @Test
    void everyAcceptedPacketRecordsTheClockForTheInactivityWatch() {
        assertThat(caller.lastReceivedMillis()).isEqualTo(Long.MIN_VALUE);
        clock.advance(Duration.ofSeconds(5));

        callerRtcp.writeInbound(packet(TestPackets.rtcpReceiverReport(1), new InetSocketAddress("10.0.0.5", 7001)));
        releaseOutbound(agentRtcp);

        assertThat(caller.lastReceivedMillis()).isEqualTo(clock.millis());
        assertThat(agent.lastReceivedMillis()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void theDtmfTapSitsRightBeforeTheRelayOnTheCallersRtpSocketOnly() {
        assertThat(callerRtp.pipeline().names())
                .containsSubsequence(MediaPipeline.VALIDATE, MediaPipeline.LATCH, DtmfTap.NAME, MediaPipeline.RELAY);
        for (EmbeddedChannel other : List.of(callerRtcp, agentRtp, agentRtcp)) {
            assertThat(other.pipeline().names()).doesNotContain(DtmfTap.NAME);
        }
    }

    private DatagramPacket packet(byte[] data, InetSocketAddress sender) {
        ByteBuf buffer = Unpooled.copiedBuffer(data);
        sent.add(buffer);
        return new DatagramPacket(buffer, CALLER_LOCAL, sender);
    }

    private static EmbeddedChannel socket(NettyMediaLeg ingress, NettyMediaLeg egress, PacketKind kind) {
        EmbeddedChannel channel = new EmbeddedChannel();
        MediaPipeline.init(channel.pipeline(), ingress, egress, kind, new RelaySwitch(), key -> {}, new RecorderSlot());
        return channel;
    }

    private static int releaseOutbound(EmbeddedChannel channel) {
        int count = 0;
        for (DatagramPacket out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            out.release();
            count++;
        }
        return count;
    }
}
