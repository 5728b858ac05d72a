package org.callgate.sip;

import java.util.ArrayList;
import java.util.List;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.TransactionState;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A server transaction that keeps the responses sent on it. An initial INVITE's transaction has
 * a dialog, as in the RI, whose local tag is the one callgate puts in its responses.
 */
final class FakeServerTransaction extends FakeTransaction implements ServerTransaction {

    private final FakeSipProvider provider;
    private final List<Response> responses = new ArrayList<>();
    private final Dialog dialog;

    FakeServerTransaction(FakeSipProvider provider, SipMessages sip, Request request) {
        super(request);
        this.provider = provider;
        boolean initialInvite = Request.INVITE.equals(request.getMethod())
                && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null;
        this.dialog = initialInvite ? FakeDialog.uas(provider, sip, request, this::localTag) : null;
    }

    /** The status codes sent on this transaction, in order. */
    List<Integer> statuses() {
        return responses.stream().map(Response::getStatusCode).toList();
    }

    /** The last response sent. */
    Response last() {
        return responses.getLast();
    }

    private String localTag() {
        return responses.stream()
                .map(r -> ((ToHeader) r.getHeader(ToHeader.NAME)).getTag())
                .filter(tag -> tag != null)
                .findFirst()
                .orElse(null);
    }

    @Override
    public void sendResponse(Response response) {
        responses.add(response);
        provider.captured(response);
    }

    @Override
    public Dialog getDialog() {
        return dialog;
    }

    @Override
    public void enableRetransmissionAlerts() {
        throw new UnsupportedOperationException("callgate relies on the stack's retransmissions");
    }

    @Override
    public TransactionState getState() {
        return responses.isEmpty() ? TransactionState.TRYING : TransactionState.PROCEEDING;
    }
}
