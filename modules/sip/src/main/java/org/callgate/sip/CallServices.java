package org.callgate.sip;

import java.util.Objects;
import org.callgate.core.ivr.CallIndex;
import org.callgate.core.ivr.Prompts;
import org.callgate.core.sms.SmsSender;

/**
 * What the IVR needs besides SIP and media: prompt audio, caller identification (R15) and SMS
 * delivery (R9).
 */
public record CallServices(Prompts prompts, CallIndex callIndex, SmsSender sms) {

    public CallServices {
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(callIndex, "callIndex");
        Objects.requireNonNull(sms, "sms");
    }
}
