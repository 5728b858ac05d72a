package org.callgate.sip;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.call.EndReason;

/**
 * Places the agent leg of a call: builds the INVITE, sends it in a new client transaction and
 * arms the no-answer timer. The same for calls relayed at once and calls that went through the IVR.
 */
final class AgentLeg {

    private final SipContext sip;
    private final CallEnder ender;
    private final ScheduledExecutorService timers;
    private final AgentInviteBuilder invites;

    AgentLeg(SipContext sip, CallEnder ender, ScheduledExecutorService timers) {
        this.sip = sip;
        this.ender = ender;
        this.timers = timers;
        this.invites = new AgentInviteBuilder(sip);
    }

    void invite(B2buaCall call, String queueUri, String sdp, Map<String, String> headers) throws Exception {
        Request invite = invites.build(call, call.callerInvite.getRequest(), queueUri, sdp, headers);
        ClientTransaction outgoing = sip.provider.getNewClientTransaction(invite);
        outgoing.setApplicationData(new TxContext.AgentInvite(call));
        call.agentInviteSent(outgoing, noAnswerTimer(call));
        outgoing.sendRequest();
    }

    private ScheduledFuture<?> noAnswerTimer(B2buaCall call) {
        return timers.schedule(
                () -> ender.end(call, EndReason.NO_ANSWER, Response.TEMPORARILY_UNAVAILABLE, "No Answer", null),
                sip.settings.noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
