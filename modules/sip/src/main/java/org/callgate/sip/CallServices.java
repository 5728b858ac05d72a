package org.callgate.sip;

import java.util.Objects;
import org.callgate.core.ivr.CallIndex;
import org.callgate.core.ivr.ConsentWithdrawals;
import org.callgate.core.ivr.Prompts;
import org.callgate.core.recording.CallRecorder;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.recording.RecordingDecision;
import org.callgate.core.sms.SmsSender;

/**
 * What calls need besides SIP and media: prompt audio, caller identification (R15), SMS delivery
 * (R9), the recording decision with the objection list it consults (R7, R8, R10, product
 * rule 4), where recorded calls go (R4), what to do with a banking call whose recorder cannot
 * start (R8), and who withdrew survey consent (R10, R12).
 */
public record CallServices(
        Prompts prompts,
        CallIndex callIndex,
        SmsSender sms,
        RecordingDecision recording,
        ObjectionList objections,
        CallRecorder recorder,
        RecorderFailurePolicy onRecorderFailure,
        ConsentWithdrawals withdrawals) {

    /** Services where nobody withdrew survey consent. */
    public CallServices(
            Prompts prompts,
            CallIndex callIndex,
            SmsSender sms,
            RecordingDecision recording,
            ObjectionList objections,
            CallRecorder recorder,
            RecorderFailurePolicy onRecorderFailure) {
        this(prompts, callIndex, sms, recording, objections, recorder, onRecorderFailure, ConsentWithdrawals.NONE);
    }

    /** Services whose banking calls go through unrecorded, marked, when the recorder fails. */
    public CallServices(
            Prompts prompts,
            CallIndex callIndex,
            SmsSender sms,
            RecordingDecision recording,
            ObjectionList objections,
            CallRecorder recorder) {
        this(prompts, callIndex, sms, recording, objections, recorder, RecorderFailurePolicy.CONTINUE);
    }

    public CallServices {
        Objects.requireNonNull(onRecorderFailure, "onRecorderFailure");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(callIndex, "callIndex");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(objections, "objections");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(withdrawals, "withdrawals");
    }
}
