package org.callgate.sip;

import java.util.concurrent.ScheduledExecutorService;
import org.callgate.core.ivr.IvrCommand;
import org.callgate.core.ivr.IvrMachine;
import org.callgate.core.ivr.IvrOutcome;
import org.callgate.core.ivr.IvrTrace;
import org.callgate.core.ivr.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call's {@link IvrMachine} (through a {@link DialogueRunner}) and hands its outcome to
 * whoever connects the agent leg: the route it chose (R15), the SMS link (R9), or the end of a
 * call the IVR served by itself.
 */
final class IvrSession {

    private static final Logger LOG = LoggerFactory.getLogger(IvrSession.class);

    private final B2buaCall call;
    private final DialogueRunner<IvrMachine> runner;

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
        this.runner = new DialogueRunner<>("ivr", call, machine, prompts, timers, command -> {
            switch (command) {
                case IvrCommand.Connect done -> actions.connect(done.outcome());
                case IvrCommand.SendSms sms -> actions.sendSms(sms.text(), sms.language());
                case IvrCommand.Hangup hangup -> actions.hangUp();
                default -> throw new IllegalStateException("not an IVR action: " + command);
            }
        });
    }

    void start() {
        runner.start();
    }

    /** The caller holds, or resumes: prompts pause and timers wait (RFC 3264 §8.4). */
    void hold(boolean on) {
        runner.hold(on);
    }

    /** A key from the caller, from any thread. */
    void digit(char key) {
        LOG.debug("{}: key for the IVR", call);
        runner.digit(key);
    }

    /** SMS offer and survey consent so far, for the call summary and the survey decision (R10). */
    IvrTrace trace() {
        return runner.read(IvrMachine::trace);
    }

    /** The language chosen in the IVR, also the survey's (R10). */
    String language() {
        return runner.read(IvrMachine::language);
    }

    /** The call ended, or the IVR's part of it: nothing more is played or timed. */
    void stop() {
        runner.stop();
    }
}
