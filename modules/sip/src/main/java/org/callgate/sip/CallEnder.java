package org.callgate.sip;

import java.text.ParseException;
import java.time.Instant;
import java.util.stream.Collectors;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.callgate.core.call.CallObserver;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.ivr.SurveyAnswer;
import org.callgate.core.ivr.SurveyResult;
import org.callgate.core.media.LegCounters;
import org.callgate.core.media.LegSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one way a call ends, whatever ended it: answers or cancels what is pending, sends BYE to
 * the legs that did not hang up, returns the media ports, forgets the call and reports its
 * summary. {@link B2buaCall#end} lets only the first of racing events do this.
 */
final class CallEnder {

    private static final Logger LOG = LoggerFactory.getLogger(CallEnder.class);
    private static final Logger CDR = LoggerFactory.getLogger("callgate.cdr");

    private final SipContext sip;
    private final CallRegistry registry;
    private final CallObserver observer;
    private final CallRecordings recordings;

    CallEnder(SipContext sip, CallRegistry registry, CallObserver observer, CallRecordings recordings) {
        this.sip = sip;
        this.registry = registry;
        this.observer = observer;
        this.recordings = recordings;
    }

    /** Calls whose recording had to start and could not (R8): see {@link CallRecordings#failures()}. */
    long recorderFailures() {
        return recordings.failures();
    }

    /** The caller and the agent no longer talk (a hang-up, or the agent's before a survey): the recording ends. */
    void conversationOver(B2buaCall call) {
        recordings.stop(call);
    }

    /**
     * Ends a call.
     *
     * @param status final status for the caller's INVITE if it is still unanswered (0: already sent)
     * @param phrase its reason phrase
     * @param hungUp the side whose BYE ended the call, or null
     */
    void end(B2buaCall call, EndReason reason, int status, String phrase, LegSide hungUp) {
        // Timers (no answer, media timeout) end calls outside any SIP event: their log lines and
        // CDR need the call's identifiers too, to be joined with the caller's and agent's records.
        boolean tag = MDC.get("callId") == null;
        if (tag) {
            MDC.put("callId", call.callerLeg.callId);
            MDC.put("call", call.id);
        }
        try {
            endTagged(call, reason, status, phrase, hungUp);
        } finally {
            if (tag) {
                MDC.remove("callId");
                MDC.remove("call");
            }
        }
    }

    private void endTagged(B2buaCall call, EndReason reason, int status, String phrase, LegSide hungUp) {
        CallState was = call.end(reason, status);
        if (was == null) {
            return;
        }
        switch (was) {
            case CALLING -> {
                if (status > 0) {
                    sip.respond(call.callerLeg.invite, status, phrase);
                }
                cancelAgentLegIfPending(call, reason);
            }
            case IVR, SURVEY -> byeUnless(call, LegSide.CALLER, hungUp, reason); // in SURVEY the agent left
            case CONNECTING -> {
                byeUnless(call, LegSide.CALLER, hungUp, reason);
                cancelAgentLegIfPending(call, reason);
            }
            default -> {
                byeUnless(call, LegSide.CALLER, hungUp, reason);
                byeUnless(call, LegSide.AGENT, hungUp, reason);
            }
        }
        recordings.stop(call);
        call.media.close();
        registry.remove(call);
        report(call);
    }

    private void cancelAgentLegIfPending(B2buaCall call, EndReason reason) {
        if (agentLegStillPending(reason) && call.agentLeg.invite() != null && call.agentLeg.wantCancel()) {
            cancelAgentLeg(call);
        }
    }

    private void byeUnless(B2buaCall call, LegSide side, LegSide hungUp, EndReason reason) {
        if (side != hungUp) {
            bye(call.dialog(side), reason);
        }
    }

    /** Sends CANCEL for the agent-leg INVITE (RFC 3261 §9.1). */
    void cancelAgentLeg(B2buaCall call) {
        cancel(call.agentLeg.invite());
    }

    /** Sends CANCEL for an agent-leg INVITE; a failure (already answered, already cancelled) is logged. */
    void cancel(ClientTransaction invite) {
        try {
            ClientTransaction cancel = sip.provider.getNewClientTransaction(invite.createCancel());
            cancel.setApplicationData(TxContext.FIRE);
            cancel.sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not cancel agent INVITE {}: {}", invite, e.toString());
        }
    }

    /** Sends BYE on a dialog, with a Reason header (RFC 3326) when callgate itself ends the call. */
    void bye(Dialog dialog, EndReason reason) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            Header why = reasonHeader(reason);
            if (why != null) {
                bye.addHeader(why);
            }
            ClientTransaction transaction = sip.provider.getNewClientTransaction(bye);
            transaction.setApplicationData(TxContext.FIRE);
            dialog.sendRequest(transaction);
        } catch (SipException | ParseException | RuntimeException e) {
            LOG.debug("could not send BYE on {}: {}", dialog.getCallId().getCallId(), e.toString());
        }
    }

    private Header reasonHeader(EndReason reason) throws ParseException {
        return switch (reason) {
            case MEDIA_TIMEOUT -> sip.headers.createHeader("Reason", "SIP;cause=408;text=\"RTP timeout\"");
            case SESSION_EXPIRED -> sip.headers.createHeader("Reason", "SIP;cause=408;text=\"Session expired\"");
            case SHUTDOWN -> sip.headers.createHeader("Reason", "SIP;cause=503;text=\"Gateway shutting down\"");
            case FAILED -> sip.headers.createHeader("Reason", "SIP;cause=502;text=\"Unusable answer\"");
            case RECORDER_FAILED ->
                sip.headers.createHeader("Reason", "SIP;cause=503;text=\"" + CallRecordings.PHRASE + "\"");
            default -> null;
        };
    }

    /** Per-leg counters in the CDR line: {@code in=} from the peer, {@code out=} to it. */
    private static String counters(LegCounters leg) {
        return "in=" + leg.packetsIn() + " out=" + leg.packetsOut() + " lost=" + leg.packetsLost() + " dropped="
                + leg.dropped() + " rtcp=" + leg.rtcpIn() + "/" + leg.rtcpOut();
    }

    private static boolean agentLegStillPending(EndReason reason) {
        return switch (reason) {
            case CALLER_CANCELLED, NO_ANSWER, SHUTDOWN, CALLER_HANGUP -> true;
            default -> false;
        };
    }

    /**
     * The survey part of the CDR line (R10): its retention class, whether every question was
     * asked, and each question's score ({@code -} unanswered); empty for calls without survey.
     */
    private static String survey(SurveyResult survey) {
        if (survey == null) {
            return "";
        }
        return " survey[class=" + survey.retentionClass() + " completed=" + survey.completed() + " "
                + survey.answers().stream().map(SurveyAnswer::toString).collect(Collectors.joining(",")) + "]";
    }

    private void report(B2buaCall call) {
        Instant ended = sip.settings.clock().instant();
        IvrSession ivr = call.dialogues.ivr();
        SurveySession survey = call.dialogues.survey();
        CallSummary summary = new CallSummary(
                call.id,
                call.line.id(),
                call.caller,
                call.started,
                call.answered(),
                ended,
                call.endReason(),
                call.finalStatus(),
                call.media.caller().counters(),
                call.media.agent().counters(),
                call.route(),
                ivr == null ? null : ivr.trace(),
                call.recording(),
                call.agentLeg.fallback(),
                survey == null ? null : survey.result(ended),
                call.service());
        CDR.info(
                "call {} line={} service={} caller={} status={} reason={} talk={}ms recording={}{} caller[{}] agent[{}]{}",
                summary.callId(),
                summary.serviceLine(),
                summary.service(),
                summary.caller(),
                summary.finalStatus(),
                summary.reason(),
                summary.conversation().toMillis(),
                summary.recording() == null ? "none" : summary.recording().headerValue(),
                summary.fallback() == null ? "" : " fallback=" + summary.fallback(),
                counters(summary.callerLeg()),
                counters(summary.agentLeg()),
                survey(summary.survey()));
        try {
            observer.callEnded(summary);
        } catch (RuntimeException e) {
            LOG.error("call observer failed for {}", call, e);
        }
    }
}
