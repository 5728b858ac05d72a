package org.callgate.sip;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.SipException;
import javax.sip.Transaction;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A dialog at callgate's end that builds real in-dialog requests (RFC 3261 §12.2.1.1: remote
 * target as Request-URI, the dialog's Call-ID and tags, local CSeq counting up) and hands what it
 * sends to the provider.
 */
final class FakeDialog implements Dialog {

    private final FakeSipProvider provider;
    private final SipMessages sip;
    private final String callId;
    private final Address localParty;
    private final Supplier<String> localTag;
    private final Address remoteParty;
    private final String remoteTag;
    private final Address remoteTarget;
    private long localSeq;

    private FakeDialog(
            FakeSipProvider provider,
            SipMessages sip,
            String callId,
            Address localParty,
            Supplier<String> localTag,
            Address remoteParty,
            String remoteTag,
            Address remoteTarget,
            long localSeq) {
        this.provider = provider;
        this.sip = sip;
        this.callId = callId;
        this.localParty = localParty;
        this.localTag = localTag;
        this.remoteParty = remoteParty;
        this.remoteTag = remoteTag;
        this.remoteTarget = remoteTarget;
        this.localSeq = localSeq;
    }

    /** The dialog a caller's INVITE makes with callgate as UAS (§12.1.1); its local tag comes with the answer. */
    static FakeDialog uas(FakeSipProvider provider, SipMessages sip, Request invite, Supplier<String> localTag) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        return new FakeDialog(
                provider,
                sip,
                SipMessages.callIdOf(invite),
                to.getAddress(),
                localTag,
                from.getAddress(),
                from.getTag(),
                sip.addresses.createAddress(SipMessages.contactOf(invite)),
                0);
    }

    /** The dialog callgate's INVITE makes, as UAC, with the answer {@code answer} (§12.1.2). */
    static FakeDialog uac(FakeSipProvider provider, SipMessages sip, Request invite, Response answer) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) answer.getHeader(ToHeader.NAME);
        long cseq = ((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber();
        return new FakeDialog(
                provider,
                sip,
                SipMessages.callIdOf(invite),
                from.getAddress(),
                from::getTag,
                to.getAddress(),
                to.getTag(),
                sip.addresses.createAddress(SipMessages.contactOf(answer)),
                cseq);
    }

    @Override
    public Request createRequest(String method) throws SipException {
        return build(method, ++localSeq);
    }

    @Override
    public Request createAck(long cseq) throws SipException {
        return build(Request.ACK, cseq);
    }

    private Request build(String method, long cseq) throws SipException {
        try {
            return sip.request(
                    method,
                    remoteTarget.getURI(),
                    callId,
                    sip.headers.createFromHeader(localParty, localTag.get()),
                    sip.headers.createToHeader(remoteParty, remoteTag),
                    cseq,
                    "192.0.2.1");
        } catch (Exception e) {
            throw new SipException("cannot build " + method, e);
        }
    }

    @Override
    public void sendRequest(ClientTransaction transaction) {
        ((FakeClientTransaction) transaction).send();
    }

    @Override
    public void sendAck(Request ack) {
        provider.captured(ack);
    }

    @Override
    public Address getRemoteTarget() {
        return remoteTarget;
    }

    @Override
    public CallIdHeader getCallId() {
        try {
            return sip.headers.createCallIdHeader(callId);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Address getLocalParty() {
        return localParty;
    }

    @Override
    public Address getRemoteParty() {
        return remoteParty;
    }

    @Override
    public String getDialogId() {
        return callId + ":" + localTag.get() + ":" + remoteTag;
    }

    @Override
    public String getLocalTag() {
        return localTag.get();
    }

    @Override
    public String getRemoteTag() {
        return remoteTag;
    }

    @Override
    @Deprecated
    public int getLocalSequenceNumber() {
        return (int) localSeq;
    }

    @Override
    public long getLocalSeqNumber() {
        return localSeq;
    }

    @Override
    @Deprecated
    public int getRemoteSequenceNumber() {
        throw new UnsupportedOperationException("not used by callgate");
    }

    @Override
    public long getRemoteSeqNumber() {
        throw new UnsupportedOperationException("not used by callgate");
    }

    @Override
    public Iterator<?> getRouteSet() {
        return List.of().iterator();
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public boolean isServer() {
        throw new UnsupportedOperationException("not used by callgate");
    }

    @Override
    public void incrementLocalSequenceNumber() {
        localSeq++;
    }

    @Override
    public Response createReliableProvisionalResponse(int statusCode) {
        throw new UnsupportedOperationException("callgate does not use 100rel");
    }

    @Override
    public void sendReliableProvisionalResponse(Response response) {
        throw new UnsupportedOperationException("callgate does not use 100rel");
    }

    @Override
    public Request createPrack(Response response) {
        throw new UnsupportedOperationException("callgate does not use 100rel");
    }

    @Override
    public DialogState getState() {
        return DialogState.CONFIRMED;
    }

    @Override
    public void delete() {
        // Nothing to release.
    }

    @Override
    @Deprecated
    public Transaction getFirstTransaction() {
        throw new UnsupportedOperationException("not used by callgate");
    }

    @Override
    public void setApplicationData(Object applicationData) {
        throw new UnsupportedOperationException("not used by callgate");
    }

    @Override
    public Object getApplicationData() {
        return null;
    }

    @Override
    public void terminateOnBye(boolean terminate) {
        throw new UnsupportedOperationException("not used by callgate");
    }
}
