package org.callgate.sip;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.callgate.core.ivr.Dialogue;
import org.callgate.core.ivr.IvrCommand;
import org.callgate.core.ivr.Prompts;
import org.callgate.core.media.Audio;
import org.callgate.core.media.Playback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Dialogue} against the real world: plays its prompts on the call's media
 * session, arms its timers and feeds it the caller's keys (RFC 4733 or SIP INFO). Commands that
 * reach beyond the media session (connect, SMS, hang up) go to {@code effects}. Every event goes
 * through one {@link SerialExecutor}, so the dialogue sees them one at a time and in order; reads
 * of its state from other threads go through {@link #read}, under the same lock.
 *
 * @param <D> the dialogue: the IVR before the agent, or the survey after it (R10)
 */
final class DialogueRunner<D extends Dialogue> {

    private static final Logger LOG = LoggerFactory.getLogger(DialogueRunner.class);

    private final B2buaCall call;
    private final D dialogue;
    private final Prompts prompts;
    private final ScheduledExecutorService timers;
    private final Consumer<IvrCommand> effects;
    private final SerialExecutor events;
    private Playback playing;
    private int playId;
    private ScheduledFuture<?> timer;
    /** The caller holds: the prompt is paused by the media leg, and the dialogue's timer waits. */
    private boolean held;
    /** The timer the dialogue asked for while the caller held, armed on resume. */
    private IvrCommand.StartTimer deferred;
    /** The timer last armed, to defer again if a hold cancels it. */
    private IvrCommand.StartTimer armed;

    private volatile boolean stopped;

    DialogueRunner(
            String name,
            B2buaCall call,
            D dialogue,
            Prompts prompts,
            ScheduledExecutorService timers,
            Consumer<IvrCommand> effects) {
        this.call = call;
        this.dialogue = dialogue;
        this.prompts = prompts;
        this.timers = timers;
        this.effects = effects;
        this.events = new SerialExecutor(name + "-" + call.id);
    }

    void start() {
        events.execute(() -> execute(drive(Dialogue::start)));
    }

    /** A key from the caller, from any thread. */
    void digit(char key) {
        events.execute(() -> execute(drive(d -> d.onDigit(key))));
    }

    /**
     * The caller put the call on hold, or took it off (RFC 3264 §8.4): the prompt playing pauses
     * where it is (the media leg does that), and a no-key timer running is stopped and started
     * afresh on resume, so that a caller on hold is never timed out of a menu.
     */
    void hold(boolean on) {
        events.execute(() -> {
            if (on == held || stopped) {
                return;
            }
            held = on;
            if (on && timer != null && timer.cancel(false)) {
                deferred = armed;
            } else if (!on && deferred != null) {
                IvrCommand.StartTimer start = deferred;
                deferred = null;
                arm(start);
            }
        });
    }

    /** What {@code reader} reads from the dialogue, consistent with the events it has seen. */
    <T> T read(Function<D, T> reader) {
        synchronized (dialogue) {
            return reader.apply(dialogue);
        }
    }

    /** The call ended: nothing more is played or timed. */
    void stop() {
        stopped = true;
        events.execute(() -> {
            if (timer != null) {
                timer.cancel(false);
            }
        });
    }

    private List<IvrCommand> drive(Function<D, List<IvrCommand>> event) {
        if (stopped) {
            return List.of();
        }
        synchronized (dialogue) {
            return event.apply(dialogue);
        }
    }

    private void execute(List<IvrCommand> commands) {
        if (stopped) {
            return;
        }
        for (IvrCommand command : commands) {
            switch (command) {
                case IvrCommand.Play play -> play(play);
                case IvrCommand.StopPlaying stop -> stopPlaying();
                case IvrCommand.StartTimer start -> {
                    if (held) {
                        deferred = start;
                    } else {
                        arm(start);
                    }
                }
                default -> effects.accept(command);
            }
        }
    }

    private void arm(IvrCommand.StartTimer start) {
        armed = start;
        timer = timers.schedule(
                () -> events.execute(() -> execute(drive(d -> d.onTimeout(start.token())))),
                start.after().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void play(IvrCommand.Play play) {
        int id = ++playId;
        List<Audio> clips;
        try {
            clips = play.prompts().stream().map(prompts::get).toList();
        } catch (IllegalArgumentException missing) {
            LOG.error("{}: {}; skipping the prompt", call, missing.getMessage());
            events.execute(() -> finished(id, false));
            return;
        }
        playing = call.media.play(clips, interrupted -> events.execute(() -> finished(id, interrupted)));
    }

    private void stopPlaying() {
        playId++;
        if (playing != null) {
            playing.stop();
            playing = null;
        }
    }

    private void finished(int id, boolean interrupted) {
        if (!interrupted && id == playId) {
            execute(drive(Dialogue::onPromptsFinished));
        }
    }
}
