package org.callgate.sip;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Entry point of every SIP event: sorts it to the handler for its kind, with the SIP Call-ID in
 * the logging MDC ({@code callId}), and turns any failure into a {@code 500} so the gateway keeps
 * serving. The stack calls it re-entrantly from several threads.
 */
final class B2buaListener implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(B2buaListener.class);

    private final SipContext sip;
    private final CallRegistry registry;
    private final InitialInviteHandler invites;
    private final AgentResponseHandler agentResponses;
    private final InDialogHandler inDialog;
    private final CancelHandler cancels;
    private final SessionTimers sessionTimers;
    private final Drain drain;

    B2buaListener(
            SipContext sip,
            CallRegistry registry,
            Drain drain,
            InitialInviteHandler invites,
            AgentResponseHandler agentResponses,
            InDialogHandler inDialog,
            CancelHandler cancels,
            SessionTimers sessionTimers) {
        this.sessionTimers = sessionTimers;
        this.sip = sip;
        this.registry = registry;
        this.drain = drain;
        this.invites = invites;
        this.agentResponses = agentResponses;
        this.inDialog = inDialog;
        this.cancels = cancels;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        MDC.put("callId", callId);
        ServerTransaction transaction = null;
        try {
            if (Request.ACK.equals(request.getMethod())) {
                registry.byCallId(callId).ifPresent(call -> inDialog.ack(request, call, call.sideOf(callId)));
                return;
            }
            transaction = serverTransaction(event);
            if (transaction != null) {
                dispatch(event, transaction, request, callId);
            }
        } catch (Exception | Error e) {
            LOG.error("failed to handle {} (Call-ID {})", request.getMethod(), callId, e);
            if (transaction != null) {
                sip.respond(transaction, Response.SERVER_INTERNAL_ERROR, "Internal Error");
            }
        } finally {
            MDC.remove("callId");
            MDC.remove("call");
        }
    }

    private void dispatch(RequestEvent event, ServerTransaction transaction, Request request, String callId)
            throws Exception {
        String method = request.getMethod();
        if (Request.CANCEL.equals(method)) {
            cancels.handle(transaction, callId);
            return;
        }
        boolean inDialogRequest = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        B2buaCall call = registry.byCallId(callId).orElse(null);
        if (inDialogRequest) {
            if (call == null) {
                sip.respond(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            } else {
                MDC.put("call", call.id);
                inDialog.handle(event, transaction, call, call.sideOf(callId));
            }
            return;
        }
        switch (method) {
            case Request.INVITE -> {
                if (call != null) {
                    sip.respond(transaction, Response.LOOP_DETECTED, null);
                } else if (drain.active()) {
                    // A new call on a draining node: the balancer's failure route sends it to
                    // another node (ADR 0017). Its retransmissions meet this transaction's 503.
                    refuseDraining(transaction);
                } else {
                    invites.handle(event, transaction);
                }
            }
            case Request.OPTIONS -> options(transaction);
            case Request.BYE, Request.INFO, Request.UPDATE ->
                sip.respond(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            default -> methodNotAllowed(transaction);
        }
    }

    /**
     * OPTIONS outside a dialog: the keep-alive ping of load balancers and trunks (RFC 3261 §11.2);
     * a draining node answers {@code 503} so that the balancer's probe takes it out (ADR 0017).
     */
    private void options(ServerTransaction transaction) throws Exception {
        if (drain.active()) {
            refuseDraining(transaction);
            return;
        }
        Response ok = sip.response(transaction.getRequest(), Response.OK, null);
        sip.addAllow(ok);
        ok.addHeader(sip.headers.createAcceptHeader("application", "sdp"));
        sip.respond(transaction, ok);
    }

    /** {@code 503 Draining} with {@code Retry-After: calls.retry-after} (RFC 3261 §21.5.4, §20.33). */
    private void refuseDraining(ServerTransaction transaction) throws Exception {
        Response refused = sip.response(transaction.getRequest(), Response.SERVICE_UNAVAILABLE, Drain.REASON);
        RetryAfterHeader retry = sip.headers.createRetryAfterHeader(
                (int) sip.settings.retryAfter().toSeconds());
        refused.addHeader(retry);
        sip.respond(transaction, refused);
    }

    private void methodNotAllowed(ServerTransaction transaction) throws Exception {
        Response refused = sip.response(transaction.getRequest(), Response.METHOD_NOT_ALLOWED, null);
        sip.addAllow(refused);
        sip.respond(transaction, refused);
    }

    private ServerTransaction serverTransaction(RequestEvent event) throws Exception {
        ServerTransaction existing = event.getServerTransaction();
        if (existing != null) {
            return existing;
        }
        try {
            return sip.provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException retransmission) {
            return null;
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || !(transaction.getApplicationData() instanceof TxContext context)) {
            return; // stray response: no transaction of ours
        }
        MDC.put("callId", ((CallIdHeader) event.getResponse().getHeader(CallIdHeader.NAME)).getCallId());
        try {
            switch (context) {
                case TxContext.AgentInvite invite -> {
                    MDC.put("call", invite.call().id);
                    agentResponses.handle(event, invite.call());
                }
                case TxContext.Relayed relayed -> inDialog.relayedResponse(event, relayed);
                case TxContext.Refresh refresh -> sessionTimers.refreshAnswered(refresh, event.getResponse());
                case TxContext.Referral referral -> {
                    int status = event.getResponse().getStatusCode();
                    if (status >= 200) {
                        referral.outcome().complete(status);
                    }
                }
                case TxContext.Fire fire -> {}
            }
        } catch (Exception | Error e) {
            LOG.error("failed to handle response {}", event.getResponse().getStatusCode(), e);
        } finally {
            MDC.remove("callId");
            MDC.remove("call");
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Object context = event.getClientTransaction().getApplicationData();
        switch (context) {
            case TxContext.AgentInvite invite -> agentResponses.timedOut(invite.call(), event.getClientTransaction());
            case TxContext.Relayed relayed -> inDialog.relayTimedOut(relayed);
            case TxContext.Refresh refresh -> sessionTimers.refreshTimedOut(refresh);
            case TxContext.Referral referral -> referral.outcome().complete(Response.REQUEST_TIMEOUT);
            case null, default -> {}
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // The RI may keep an ended transaction for a while, and with it, through the context, the
        // whole call: its legs, media channels and recorder (ADR 0014). The event comes as the RI
        // removes the transaction from its table: no message is matched to it after this.
        Transaction transaction =
                event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction();
        if (transaction != null) {
            transaction.setApplicationData(null);
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Calls end through CallEnder; the stack's dialog clean-up needs nothing from us.
    }
}
