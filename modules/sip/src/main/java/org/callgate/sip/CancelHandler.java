package org.callgate.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.callgate.core.call.EndReason;
import org.callgate.core.media.LegSide;

/**
 * The caller gave up before the agent answered: 200 for the CANCEL, 487 for the INVITE
 * (RFC 3261 §9.2), and the agent leg is cancelled in turn.
 */
final class CancelHandler {

    private final SipContext sip;
    private final CallRegistry registry;
    private final CallEnder ender;

    CancelHandler(SipContext sip, CallRegistry registry, CallEnder ender) {
        this.sip = sip;
        this.registry = registry;
        this.ender = ender;
    }

    void handle(ServerTransaction cancel, String callId) {
        B2buaCall call = registry.byCallId(callId).orElse(null);
        if (call == null || call.sideOf(callId) != LegSide.CALLER) {
            sip.respond(cancel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        sip.respond(cancel, Response.OK, null);
        if (call.state() == CallState.CALLING) {
            ender.end(call, EndReason.CALLER_CANCELLED, Response.REQUEST_TERMINATED, null, null);
        }
    }
}
