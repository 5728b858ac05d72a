package org.callgate.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callgate.core.media.Audio;
import org.callgate.core.media.AudioCodec;
import org.callgate.core.media.Playback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One playback of clips to a leg's peer: every 20 ms, 160 samples encoded in the leg's G.711 codec
 * ({@link ClipCursor}) go out as one RTP packet of the leg's {@link RtpSource}, from the leg's RTP
 * socket (RFC 3551 §4.5: 20 ms packets for PCMU/PCMA).
 *
 * <p>It is ticked every 20 ms by its event loop's {@link PromptPacer}, at a fixed rate (each tick
 * is due 20 ms after the previous one was due, not after it ran, so lateness does not accumulate
 * into drift). A tick builds the packet in a reused array and copies it into one pooled buffer,
 * the only allocation per packet besides the {@link DatagramPacket}. While the peer's address is
 * unknown, frames are skipped but time runs on, so a prompt still ends on time.
 *
 * <p>State is confined to the event loop; {@link #stop} may be called from any thread. The
 * listener is told exactly once: when the last packet has been sent, or when stopped (by
 * {@link #stop}, by a new playback, or by the session closing).
 */
final class PromptPlayer implements Playback, PromptPacer.Paced {

    private static final Logger LOG = LoggerFactory.getLogger(PromptPlayer.class);
    static final long FRAME_MILLIS = 20;

    private enum State {
        QUEUED,
        PLAYING,
        DONE
    }

    private final NettyMediaSession session;
    private final NettyMediaLeg leg;
    private final ClipCursor cursor;
    private final Listener listener;
    private final AtomicBoolean told = new AtomicBoolean();
    private final byte[] packet = new byte[RtpPacket.RTP_HEADER + RtpSource.SAMPLES_PER_FRAME];
    private State state = State.QUEUED;
    /** The leg was on hold at the last tick: nothing was sent and the clip did not advance. */
    private boolean paused;

    private AudioCodec codec;
    private PromptPacer pacer;

    PromptPlayer(NettyMediaSession session, NettyMediaLeg leg, List<Audio> clips, Listener listener) {
        this.session = session;
        this.leg = leg;
        this.cursor = new ClipCursor(clips);
        this.listener = listener;
    }

    /** Starts playing, stopping whatever plays on the session. Event loop only. */
    void start() {
        if (state != State.QUEUED) {
            return;
        }
        if (session.closing()) {
            finish(true);
            return;
        }
        session.nowPlaying(this);
        if (state != State.QUEUED) {
            return; // the stopped playback's listener stopped this one too
        }
        codec = leg.codec();
        if (cursor.exhausted()) {
            finish(false);
            return;
        }
        state = State.PLAYING;
        leg.prompting(true);
        leg.source().talkspurt(session.clock().millis());
        pacer = PromptPacer.of(session.eventLoop());
        pacer.add(this);
    }

    @Override
    public void stop() {
        if (!session.onLoop(this::stopOnLoop)) {
            tell(true); // the media threads are gone, and so are the sockets
        }
    }

    /** Stops if still queued or playing. Event loop only. */
    void stopOnLoop() {
        if (state != State.DONE) {
            finish(true);
        }
    }

    /** Tells the listener the playback ended without it ever running. Any thread. */
    void tell(boolean interrupted) {
        if (told.compareAndSet(false, true)) {
            tellListener(interrupted);
        }
    }

    /** Sends the next frame; called by the pacer every 20 ms. Event loop only. */
    @Override
    public void tick() {
        if (state != State.PLAYING || pausedForHold()) {
            return;
        }
        try {
            boolean last = cursor.next(codec, RtpSource.SAMPLES_PER_FRAME, packet, RtpPacket.RTP_HEADER);
            send();
            if (last) {
                finish(false);
            }
        } catch (RuntimeException e) {
            try (CallMdc ignored = CallMdc.enter(session.callId())) {
                LOG.warn("playback failed, stopping it", e);
            }
            finish(true);
        }
    }

    /**
     * While the peer holds, the clip stays where it is; when it resumes, a new talkspurt starts
     * (RFC 3551 §4.1: marker bit, timestamp moved on by the pause) from the same place.
     */
    private boolean pausedForHold() {
        boolean held = leg.held();
        if (held != paused) {
            paused = held;
            long now = session.clock().millis();
            if (held) {
                leg.source().pause(now);
            } else {
                leg.source().talkspurt(now);
            }
        }
        return held;
    }

    private void tellListener(boolean interrupted) {
        try (CallMdc ignored = CallMdc.enter(session.callId())) {
            LOG.debug("playback {}", interrupted ? "stopped" : "finished");
            try {
                listener.finished(interrupted);
            } catch (RuntimeException e) {
                LOG.warn("playback listener failed", e);
            }
        }
    }

    private void send() {
        RtpSource source = leg.source();
        Channel channel = leg.channel(PacketKind.RTP);
        InetSocketAddress destination = leg.latch(PacketKind.RTP).destination();
        if (channel == null || destination == null || !channel.isWritable()) {
            source.skipped();
            return;
        }
        source.header(packet, codec.payloadType());
        ByteBuf buffer = channel.alloc().ioBuffer(packet.length);
        buffer.writeBytes(packet);
        channel.writeAndFlush(new DatagramPacket(buffer, destination), channel.voidPromise());
        leg.stats().sent(PacketKind.RTP, packet.length);
        source.sent();
    }

    private void finish(boolean interrupted) {
        boolean wasPlaying = state == State.PLAYING;
        state = State.DONE;
        if (pacer != null) {
            pacer.remove(this);
        }
        if (wasPlaying) {
            leg.prompting(false);
            if (!paused) {
                leg.source().pause(session.clock().millis());
            }
        }
        session.notPlaying(this);
        tell(interrupted);
    }
}
