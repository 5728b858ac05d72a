package org.callgate.sip;

import java.util.function.Consumer;

/**
 * What callgate itself says to the caller of one call, apart from the agent: the IVR before the
 * agent leg (R15) and the post-call survey after the agent hung up (R10), and which of them the
 * caller's keys go to (RFC 4733 events or SIP INFO).
 *
 * <p>Both sessions outlive their part of the call: the IVR's trace decides the recording and the
 * survey, and the survey's answers go into the call summary after the call ended. Sessions are
 * set and read under the owning call's lock; keys are handed to them outside it, since a session
 * queues them on its own executor.
 */
final class CallerDialogues {

    private final Object lock;
    private IvrSession ivr;
    private SurveySession survey;

    /** @param lock the owning call's lock */
    CallerDialogues(Object lock) {
        this.lock = lock;
    }

    /** The IVR, null for calls without one. */
    IvrSession ivr() {
        synchronized (lock) {
            return ivr;
        }
    }

    /** The post-call survey, null when the call has none (R10). */
    SurveySession survey() {
        synchronized (lock) {
            return survey;
        }
    }

    /** callgate answered the caller to run {@code session}. */
    void ivr(IvrSession session) {
        synchronized (lock) {
            ivr = session;
        }
    }

    /** The survey replaces the IVR, which has nothing more to play. */
    void survey(SurveySession session) {
        synchronized (lock) {
            survey = session;
            ivr.stop();
        }
    }

    /** The call ended: nothing more is played or timed. */
    void stop() {
        synchronized (lock) {
            if (ivr != null) {
                ivr.stop();
            }
            if (survey != null) {
                survey.stop();
            }
        }
    }

    /** The caller holds or resumes: whichever of IVR and survey is talking pauses or goes on. */
    void hold(boolean on) {
        talking(survey -> survey.hold(on), ivr -> ivr.hold(on));
    }

    /** A key from the caller: for the survey once it runs, else for the IVR; ignored without either. */
    void digit(char key) {
        talking(survey -> survey.digit(key), ivr -> ivr.digit(key));
    }

    /** Hands an event to the survey once it runs, else to the IVR, outside the call's lock. */
    private void talking(Consumer<SurveySession> toSurvey, Consumer<IvrSession> toIvr) {
        SurveySession surveying;
        IvrSession menus;
        synchronized (lock) {
            surveying = survey;
            menus = ivr;
        }
        if (surveying != null) {
            toSurvey.accept(surveying);
        } else if (menus != null) {
            toIvr.accept(menus);
        }
    }
}
