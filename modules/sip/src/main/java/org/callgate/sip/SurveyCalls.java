package org.callgate.sip;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.callgate.core.call.EndReason;
import org.callgate.core.ivr.IvrPlan;
import org.callgate.core.ivr.SurveyDecision;
import org.callgate.core.ivr.SurveyMachine;
import org.callgate.core.media.LegSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The post-call survey (R10) in the call flow. When the agent hangs up a call whose caller
 * consented at the start, callgate keeps the caller's leg instead of passing the BYE on: the
 * relay is turned off and the survey is played on the media already anchored for the caller, who
 * answers by RFC 4733 or SIP INFO as in the IVR. When it is over callgate sends BYE to the caller;
 * the end reason stays {@link EndReason#AGENT_HANGUP}, since that is how the conversation ended.
 * Whether a call gets the survey is {@link SurveyDecision}'s, not this class's.
 */
final class SurveyCalls {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyCalls.class);

    private final SipContext sip;
    private final ScheduledExecutorService timers;
    private final CallServices services;
    private final CallEnder ender;

    SurveyCalls(SipContext sip, ScheduledExecutorService timers, CallServices services, CallEnder ender) {
        this.sip = sip;
        this.timers = timers;
        this.services = services;
        this.ender = ender;
    }

    /**
     * The agent's BYE (already answered) ended the conversation of {@code call}.
     *
     * @return true when the caller stays for the survey; false when the call is to end as usual
     */
    boolean afterAgentHangUp(B2buaCall call) {
        IvrSession ivr = call.dialogues.ivr();
        IvrPlan plan = call.line.ivr();
        if (ivr == null || !SurveyDecision.runs(plan, ivr.trace(), LegSide.AGENT)) {
            return false;
        }
        Instant now = sip.settings.clock().instant();
        SurveySession survey = new SurveySession(
                call,
                new SurveyMachine(plan.survey(), ivr.language()),
                services.prompts(),
                timers,
                now,
                () -> ender.end(call, EndReason.AGENT_HANGUP, 0, null, null));
        if (!call.beginSurvey(survey)) {
            return false; // the caller hung up at the same moment
        }
        call.media.relay(false);
        LOG.info(
                "{}: agent hung up, caller consented: survey of {} question(s)",
                call,
                plan.survey().questions().size());
        survey.start();
        return true;
    }
}
