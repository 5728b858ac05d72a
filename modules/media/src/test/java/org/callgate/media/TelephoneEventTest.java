package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Reading the RFC 4733 payload behind whatever RFC 3550 header precedes it. */
class TelephoneEventTest {

    @Test
    void theFieldsOfAnEventAreReadInPlace() {
        ByteBuf rtp = Unpooled.wrappedBuffer(TestPackets.telephoneEvent(101, 7, 48_000, 11, true, 1280));
        try {
            int offset = TelephoneEvent.offset(rtp);

            assertThat(offset).isEqualTo(RtpPacket.RTP_HEADER);
            assertThat(TelephoneEvent.event(rtp, offset)).isEqualTo(11);
            assertThat(TelephoneEvent.end(rtp, offset)).isTrue();
            assertThat(TelephoneEvent.volume(rtp, offset)).isEqualTo(10);
            assertThat(TelephoneEvent.duration(rtp, offset)).isEqualTo(1280);
            assertThat(rtp.readerIndex()).as("reads are absolute").isZero();
        } finally {
            rtp.release();
        }
    }

    @Test
    void csrcsAHeaderExtensionAndPaddingAreSkipped() {
        byte[] packet = ByteBuffer.allocate(12 + 8 + 8 + 4 + 4)
                .put((byte) (0x80 | 0x20 | 0x10 | 2)) // V=2, padding, extension, 2 CSRCs
                .put((byte) 101)
                .putShort((short) 1)
                .putInt(160)
                .putInt(0x1234)
                .putInt(1)
                .putInt(2) // CSRCs
                .putShort((short) 0xBEDE)
                .putShort((short) 1)
                .putInt(0) // extension of one word
                .put((byte) 3)
                .put((byte) 0x0A)
                .putShort((short) 400) // the event: key 3, not ended
                .put(new byte[] {0, 0, 0, 4}) // four bytes of padding
                .array();
        ByteBuf rtp = Unpooled.wrappedBuffer(packet);
        try {
            int offset = TelephoneEvent.offset(rtp);

            assertThat(offset).isEqualTo(28);
            assertThat(RtpPacket.payloadLength(rtp, offset)).isEqualTo(4);
            assertThat(TelephoneEvent.event(rtp, offset)).isEqualTo(3);
            assertThat(TelephoneEvent.end(rtp, offset)).isFalse();
            assertThat(TelephoneEvent.duration(rtp, offset)).isEqualTo(400);
        } finally {
            rtp.release();
        }
    }

    @Test
    void aPacketTooShortForAnEventHasNone() {
        byte[] full = TestPackets.telephoneEvent(101, 1, 0, 1, false, 160);
        ByteBuf truncated = Unpooled.wrappedBuffer(full, 0, full.length - 1);
        byte[] csrcs = TestPackets.telephoneEvent(101, 1, 0, 1, false, 160);
        csrcs[0] = (byte) (0x80 | 15); // 15 CSRCs announced, none there
        ByteBuf overrun = Unpooled.wrappedBuffer(csrcs);
        try {
            assertThat(TelephoneEvent.offset(truncated)).isEqualTo(-1);
            assertThat(TelephoneEvent.offset(overrun)).isEqualTo(-1);
        } finally {
            truncated.release();
            overrun.release();
        }
    }
}
