package org.callgate.sip;

import gov.nist.javax.sip.message.SIPRequest;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.TransactionState;
import javax.sip.message.Request;

/**
 * A client transaction that goes nowhere: sending it is captured by the provider, and the test
 * answers it by feeding a {@link javax.sip.ResponseEvent} that names it. CANCEL is built by the
 * RI from the real request (RFC 3261 §9.1).
 */
final class FakeClientTransaction extends FakeTransaction implements ClientTransaction {

    private final FakeSipProvider provider;
    private boolean sent;

    FakeClientTransaction(FakeSipProvider provider, Request request) {
        super(request);
        this.provider = provider;
    }

    boolean sent() {
        return sent;
    }

    /** Sent inside a dialog, or on its own. */
    void send() {
        sent = true;
        provider.captured(getRequest());
    }

    @Override
    public void sendRequest() {
        send();
    }

    @Override
    public Request createCancel() throws SipException {
        return ((SIPRequest) getRequest()).createCancelRequest();
    }

    @Override
    @Deprecated
    public Request createAck() {
        throw new UnsupportedOperationException("the ACK for a 2xx comes from the dialog (RFC 3261 §13.2.2.4)");
    }

    @Override
    public Dialog getDialog() {
        return null;
    }

    @Override
    public TransactionState getState() {
        return sent ? TransactionState.CALLING : null;
    }

    @Override
    public String toString() {
        return getRequest().getMethod() + " " + getBranchId();
    }
}
