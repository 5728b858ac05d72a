package org.callgate.core.ivr;

import org.callgate.core.media.LegSide;

/**
 * Whether a call ends with the post-call survey (R10): only when the line has a survey, the
 * caller said yes to the consent question at the start of the call, and the agent hung up first,
 * so the caller is still on the line. A caller who said no, did not answer, or hung up first
 * gets today's ending. A pure function of call facts, unit tested without SIP.
 */
public final class SurveyDecision {

    private SurveyDecision() {}

    /**
     * @param plan the line's IVR, null for a line without one
     * @param trace what the IVR recorded, null for a call without IVR
     * @param hungUpFirst the side whose BYE ended the conversation
     */
    public static boolean runs(IvrPlan plan, IvrTrace trace, LegSide hungUpFirst) {
        return plan != null
                && plan.survey() != null
                && trace != null
                && Boolean.TRUE.equals(trace.surveyConsent())
                && hungUpFirst == LegSide.AGENT;
    }
}
