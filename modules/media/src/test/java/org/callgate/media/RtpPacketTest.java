package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void readsTheFixedHeaderFields() {
        ByteBuf packet = Unpooled.wrappedBuffer(new byte[] {
            (byte) 0x80,
            (byte) (0x80 | 101),
            (byte) 0xFF,
            (byte) 0xFE,
            0x00,
            0x01,
            0x02,
            0x03,
            (byte) 0xDE,
            (byte) 0xAD,
            (byte) 0xBE,
            (byte) 0xEF,
            1,
            2,
            3
        });

        assertThat(RtpPacket.isRtp(packet)).isTrue();
        assertThat(RtpPacket.version(packet)).isEqualTo(2);
        assertThat(RtpPacket.marker(packet)).isTrue();
        assertThat(RtpPacket.payloadType(packet)).isEqualTo(101);
        assertThat(RtpPacket.sequence(packet)).isEqualTo(65534);
        assertThat(RtpPacket.timestamp(packet)).isEqualTo(0x00010203L);
        assertThat(RtpPacket.ssrc(packet)).isEqualTo(0xDEADBEEFL);
    }

    @Test
    void readsRelativeToTheReaderIndexWithoutMovingIt() {
        ByteBuf packet = Unpooled.buffer();
        packet.writeBytes(new byte[] {9, 9, 9});
        packet.writeBytes(TestPackets.rtp(4711));
        packet.readerIndex(3);

        assertThat(RtpPacket.sequence(packet)).isEqualTo(4711);
        assertThat(RtpPacket.ssrc(packet)).isEqualTo(TestPackets.SSRC);
        assertThat(RtpPacket.marker(packet)).isFalse();
        assertThat(RtpPacket.payloadType(packet)).isEqualTo(TestPackets.PCMU);
        assertThat(packet.readerIndex()).isEqualTo(3);
    }

    @Test
    void rtpNeedsVersionTwoAndTheWholeFixedHeader() {
        byte[] rtp = TestPackets.rtp(1);
        byte[] versionOne = rtp.clone();
        versionOne[0] = 0x40;

        assertThat(RtpPacket.isRtp(Unpooled.wrappedBuffer(versionOne))).isFalse();
        assertThat(RtpPacket.isRtp(Unpooled.wrappedBuffer(rtp, 0, 11))).isFalse();
        assertThat(RtpPacket.isRtp(Unpooled.wrappedBuffer(rtp, 0, 12))).isTrue();
        assertThat(RtpPacket.isRtp(Unpooled.EMPTY_BUFFER)).isFalse();
    }

    @Test
    void rtcpNeedsVersionTwoTheHeaderAndAnRtcpPacketType() {
        byte[] report = TestPackets.rtcpReceiverReport(7);
        byte[] rtpType = report.clone();
        rtpType[1] = (byte) 0x80;

        assertThat(RtpPacket.isRtcp(Unpooled.wrappedBuffer(report))).isTrue();
        assertThat(RtpPacket.isRtcp(Unpooled.wrappedBuffer(report, 0, 7))).isFalse();
        assertThat(RtpPacket.isRtcp(Unpooled.wrappedBuffer(rtpType))).isFalse();
        assertThat(RtpPacket.isRtcp(Unpooled.wrappedBuffer(TestPackets.rtp(1)))).isFalse();
    }
}
