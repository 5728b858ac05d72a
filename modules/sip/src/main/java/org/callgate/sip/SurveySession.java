package org.callgate.sip;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.callgate.core.ivr.IvrCommand;
import org.callgate.core.ivr.Prompts;
import org.callgate.core.ivr.SurveyMachine;
import org.callgate.core.ivr.SurveyResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call's post-call survey (R10) on the caller's leg, after the agent hung up: the
 * {@link SurveyMachine} through a {@link DialogueRunner}, with the caller's keys, until it asks
 * to hang up. Its answers so far are readable at any time, so a caller who hangs up in the middle
 * keeps them.
 */
final class SurveySession {

    private static final Logger LOG = LoggerFactory.getLogger(SurveySession.class);

    private final B2buaCall call;
    private final DialogueRunner<SurveyMachine> runner;
    private final Instant started;

    /**
     * @param started when the agent's BYE arrived: the end of the conversation (R4)
     * @param done ends the call once the thank-you has been played
     */
    SurveySession(
            B2buaCall call,
            SurveyMachine machine,
            Prompts prompts,
            ScheduledExecutorService timers,
            Instant started,
            Runnable done) {
        this.call = call;
        this.started = started;
        this.runner = new DialogueRunner<>("survey", call, machine, prompts, timers, command -> {
            if (!(command instanceof IvrCommand.Hangup)) {
                throw new IllegalStateException("not a survey action: " + command);
            }
            done.run();
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
        LOG.debug("{}: key for the survey", call);
        runner.digit(key);
    }

    /** The answers so far, as of {@code ended}. */
    SurveyResult result(Instant ended) {
        return runner.read(machine ->
                new SurveyResult(machine.language(), machine.answers(), machine.completed(), started, ended));
    }

    /** The call ended: nothing more is asked. */
    void stop() {
        runner.stop();
    }
}
