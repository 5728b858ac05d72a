package org.callgate.sip;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.callgate.core.ivr.IvrCommand;
import org.callgate.core.ivr.IvrMachine;
import org.callgate.core.ivr.IvrOutcome;
import org.callgate.core.ivr.IvrTrace;
import org.callgate.core.ivr.Prompts;
import org.callgate.core.media.Audio;
import org.callgate.core.media.Playback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call's {@link IvrMachine} against the real world: plays its prompts on the call's
 * media session, arms its timers, feeds it the caller's keys (RFC 4733 or SIP INFO) and hands
 * the outcome to whoever connects the agent leg. Every event goes through one
 * {@link SerialExecutor}, so the machine sees them one at a time and in order.
 */
final class IvrSession {

    private static final Logger LOG = LoggerFactory.getLogger(IvrSession.class);

    private final B2buaCall call;
    private final IvrMachine machine;
    private final Prompts prompts;
    private final ScheduledExecutorService timers;
    private final Actions actions;
    private final SerialExecutor events;
    private Playback playing;
    private int playId;
    private ScheduledFuture<?> timer;
    private volatile boolean stopped;

    /** What the IVR's decisions do outside the media session. */
    interface Actions {
        /** Call the agent queue the IVR chose. */
        void connect(IvrOutcome outcome);

        /** Send the SMS link (R9); runs on the session's own virtual thread, may block. */
        void sendSms(String text, String language);

        /** End the call: the caller was served by the IVR. */
        void hangUp();
    }

    IvrSession(B2buaCall call, IvrMachine machine, Prompts prompts, ScheduledExecutorService timers, Actions actions) {
        this.call = call;
        this.machine = machine;
        this.prompts = prompts;
        this.timers = timers;
        this.actions = actions;
        this.events = new SerialExecutor("ivr-" + call.id);
    }

    void start() {
        events.execute(() -> execute(machine.start()));
    }

    /** A key from the caller, from any thread. */
    void digit(char key) {
        events.execute(() -> {
            LOG.debug("{}: key {}", call, key);
            execute(machine.onDigit(key));
        });
    }

    /** SMS offer and survey answer so far, for the call summary. */
    IvrTrace trace() {
        return machine.trace();
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

    private void execute(List<IvrCommand> commands) {
        if (stopped) {
            return;
        }
        for (IvrCommand command : commands) {
            switch (command) {
                case IvrCommand.Play play -> play(play);
                case IvrCommand.StopPlaying stop -> stopPlaying();
                case IvrCommand.StartTimer start -> timer = timers.schedule(
                        () -> events.execute(() -> execute(machine.onTimeout(start.token()))),
                        start.after().toMillis(), TimeUnit.MILLISECONDS);
                case IvrCommand.Connect done -> actions.connect(done.outcome());
                case IvrCommand.SendSms sms -> actions.sendSms(sms.text(), sms.language());
                case IvrCommand.Hangup hangup -> actions.hangUp();
            }
        }
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
            execute(machine.onPromptsFinished());
        }
    }
}
