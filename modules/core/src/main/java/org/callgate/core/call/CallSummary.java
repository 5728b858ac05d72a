package org.callgate.core.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.callgate.core.ivr.IvrTrace;
import org.callgate.core.ivr.Route;
import org.callgate.core.ivr.SurveyResult;
import org.callgate.core.media.LegCounters;
import org.callgate.core.recording.Recording;

/**
 * What happened to one call that went through callgate: the facts R4 asks to keep with a
 * recording (number, time, duration, service) plus what an operator needs to troubleshoot it.
 *
 * @param callId callgate's own call identifier (also sent to the agent side)
 * @param serviceLine id of the service line dialled (R5)
 * @param caller caller's number as presented, E.164 when it could be normalised
 * @param started when the caller's INVITE arrived
 * @param answered when the agent answered, null if never
 * @param ended when the call ended
 * @param reason why it ended
 * @param finalStatus the SIP status of the caller's INVITE (200 when answered)
 * @param callerLeg media counters of the caller's leg
 * @param agentLeg media counters of the agent's leg
 * @param route where the IVR sent the call (service, language, keys pressed), null for lines
 *     without IVR or calls that ended in it
 * @param ivrTrace SMS offer and survey consent (R1, R9, R10), null for lines without IVR
 * @param recording whether the call is recorded, why and under which retention class (R7, R8,
 *     R10, product rule 4), fixed when the agent leg was called; null for calls that never got
 *     that far (ended in the IVR, refused)
 * @param fallback the IVR's queue failed and the call went to the line's default queue (R15),
 *     or null
 * @param survey the answers to the post-call survey (R10, retention class {@code survey}), null
 *     when the call had none
 * @param service the service the call concerns (R4): the IVR's choice (e.g. {@code banking}), the
 *     service an agent's callback states (R5), or else the line's id; null in the constructor
 *     means "derive it from the route"
 */
public record CallSummary(
        String callId,
        String serviceLine,
        String caller,
        Instant started,
        Instant answered,
        Instant ended,
        EndReason reason,
        int finalStatus,
        LegCounters callerLeg,
        LegCounters agentLeg,
        Route route,
        IvrTrace ivrTrace,
        Recording recording,
        QueueFallback fallback,
        SurveyResult survey,
        String service) {

    public CallSummary {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(reason, "reason");
        if (service == null) {
            service = route == null ? serviceLine : route.service();
        }
    }

    /** A summary whose service is the route's, or the line's when the call had no IVR route. */
    public CallSummary(
            String callId,
            String serviceLine,
            String caller,
            Instant started,
            Instant answered,
            Instant ended,
            EndReason reason,
            int finalStatus,
            LegCounters callerLeg,
            LegCounters agentLeg,
            Route route,
            IvrTrace ivrTrace,
            Recording recording,
            QueueFallback fallback,
            SurveyResult survey) {
        this(
                callId,
                serviceLine,
                caller,
                started,
                answered,
                ended,
                reason,
                finalStatus,
                callerLeg,
                agentLeg,
                route,
                ivrTrace,
                recording,
                fallback,
                survey,
                null);
    }

    /**
     * Time from the agent's answer to the end of the conversation (R4's duration); zero if never
     * answered. A post-call survey is not conversation: it starts when the agent hangs up.
     */
    public Duration conversation() {
        if (answered == null) {
            return Duration.ZERO;
        }
        return Duration.between(answered, survey == null ? ended : survey.started());
    }

    public boolean wasAnswered() {
        return answered != null;
    }
}
