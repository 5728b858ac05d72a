package org.callgate.sip;

import gov.nist.javax.sip.message.SIPRequest;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.TransactionState;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * A client transaction that goes nowhere: sending it is captured by the provider, and the test
 * answers it by feeding a {@link javax.sip.ResponseEvent} that names it. CANCEL is built by the
 * RI from the real request (RFC 3261 §9.1).
 */
final class FakeClientTransaction implements ClientTransaction {

    private final FakeSipProvider provider;
    private final Request request;
    private Object applicationData;
    private boolean sent;

    FakeClientTransaction(FakeSipProvider provider, Request request) {
        this.provider = provider;
        this.request = request;
    }

    boolean sent() {
        return sent;
    }

    /** Sent inside a dialog, or on its own. */
    void send() {
        sent = true;
        provider.captured(request);
    }

    @Override
    public void sendRequest() {
        send();
    }

    @Override
    public Request createCancel() throws SipException {
        return ((SIPRequest) request).createCancelRequest();
    }

    @Override
    @Deprecated
    public Request createAck() {
        throw new UnsupportedOperationException("the ACK for a 2xx comes from the dialog (RFC 3261 §13.2.2.4)");
    }

    @Override
    public Request getRequest() {
        return request;
    }

    @Override
    public Dialog getDialog() {
        return null;
    }

    @Override
    public void setApplicationData(Object data) {
        applicationData = data;
    }

    @Override
    public Object getApplicationData() {
        return applicationData;
    }

    @Override
    public TransactionState getState() {
        return sent ? TransactionState.CALLING : null;
    }

    @Override
    public int getRetransmitTimer() {
        return 500;
    }

    @Override
    public void setRetransmitTimer(int retransmitTimer) {
        throw new UnsupportedOperationException("callgate keeps the RI's timers");
    }

    @Override
    public String getBranchId() {
        return ((ViaHeader) request.getHeader(ViaHeader.NAME)).getBranch();
    }

    @Override
    public void terminate() {
        // Nothing to release.
    }

    @Override
    public String toString() {
        return request.getMethod() + " " + getBranchId();
    }
}
