package org.callgate.sip;

import javax.sip.Transaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** What the fake client and server transactions share: their request, application data and branch. */
abstract class FakeTransaction implements Transaction {

    private final Request request;
    private Object applicationData;

    FakeTransaction(Request request) {
        this.request = request;
    }

    @Override
    public Request getRequest() {
        return request;
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
}
