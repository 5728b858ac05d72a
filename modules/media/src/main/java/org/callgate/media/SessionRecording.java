package org.callgate.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.callgate.core.media.AudioSink;
import org.callgate.core.media.CallRecording;
import org.callgate.core.media.RecordedAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording of one session: a {@link StereoRecorder} fed by the legs' {@link RecorderTap}s
 * on the session's event loop, flushed every {@value #FLUSH_MILLIS} ms into the {@link AudioSink}
 * the recording module gave for the call (which queues the writes off the loop).
 */
final class SessionRecording implements CallRecording {

    /**
     * Each flush is a chunk handed to the spool's one I/O thread: at 100 ms, 1,000 recorded calls
     * made 10,000 writes a second, and the thread fell behind under load. Half a second still puts
     * the audio in the page cache within 700 ms of its arrival (with the hold-back).
     */
    static final long FLUSH_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecording.class);

    private final String callId;
    private final EventLoop loop;
    private final Clock clock;
    private final RecorderSlot slot;
    private final AudioSink sink;
    private final StereoRecorder recorder;
    private final CompletableFuture<RecordedAudio> done = new CompletableFuture<>();
    /** Event loop only. */
    private ScheduledFuture<?> flushing;

    private boolean stopped;

    /** Starts recording into {@code sink}, sample 0 at {@code startMillis}; the taps start feeding it on the loop. */
    SessionRecording(String callId, EventLoop loop, Clock clock, RecorderSlot slot, AudioSink sink, long startMillis) {
        this.callId = callId;
        this.loop = loop;
        this.clock = clock;
        this.slot = slot;
        this.sink = sink;
        this.recorder = new StereoRecorder(startMillis, sink::write);
        try {
            loop.execute(this::startOnLoop);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("media relay is shut down", e));
        }
    }

    @Override
    public CompletableFuture<RecordedAudio> stop() {
        if (loop.inEventLoop()) {
            stopOnLoop();
        } else {
            try {
                loop.execute(this::stopOnLoop);
            } catch (RejectedExecutionException e) {
                try (CallMdc ignored = CallMdc.enter(callId)) {
                    LOG.warn("media relay shut down before the recording ended; the spool keeps what reached it");
                }
                done.completeExceptionally(new IllegalStateException("media relay is shut down", e));
            }
        }
        return done;
    }

    /** Ends the recording at this instant: flushes, ends the sink. Idempotent; event loop only. */
    void stopOnLoop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (flushing != null) {
            flushing.cancel(false);
        }
        if (slot.recorder() == recorder) {
            slot.set(null);
        }
        long now = clock.millis();
        recorder.finish(now);
        sink.end(Instant.ofEpochMilli(now), recorder.frames(), recorder.lateSamples())
                .whenComplete((audio, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(audio);
                    }
                });
    }

    private void startOnLoop() {
        if (stopped) {
            return;
        }
        slot.set(recorder);
        flushing = loop.scheduleAtFixedRate(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void flush() {
        try {
            recorder.flush(clock.millis());
        } catch (RuntimeException e) {
            try (CallMdc ignored = CallMdc.enter(callId)) {
                LOG.warn("recording failed, stopping it", e);
            }
            stopOnLoop();
        }
    }
}
