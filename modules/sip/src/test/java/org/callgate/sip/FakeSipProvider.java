package org.callgate.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.Transaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A {@link SipProvider} without a network, in the manner of Netty's {@code EmbeddedChannel}: it
 * keeps the listener the B2BUA registers, so a test can feed it events, and captures every
 * message the B2BUA sends (responses, requests in client transactions, ACKs) in order, for the
 * test to read with {@link #sent()}.
 */
final class FakeSipProvider implements SipProvider {

    private final SipMessages sip;
    private final List<Message> outbound = new ArrayList<>();
    private final Map<String, FakeServerTransaction> serverTransactions = new HashMap<>();
    private final List<FakeClientTransaction> clientTransactions = new ArrayList<>();
    private SipListener listener;

    FakeSipProvider(SipMessages sip) {
        this.sip = sip;
    }

    /** The B2BUA's listener, to feed events to. */
    SipListener listener() {
        return listener;
    }

    /** What was sent since the last call, oldest first. */
    List<Message> sent() {
        List<Message> drained = List.copyOf(outbound);
        outbound.clear();
        return drained;
    }

    /** The server transaction the B2BUA created for {@code request}, null if it created none. */
    FakeServerTransaction serverTransaction(Request request) {
        return serverTransactions.get(key(request));
    }

    /** The last client transaction sent with {@code method} to an agent (Call-ID ending {@code @callgate}). */
    FakeClientTransaction lastSentToAgent(String method) {
        for (int i = clientTransactions.size() - 1; i >= 0; i--) {
            FakeClientTransaction candidate = clientTransactions.get(i);
            Request request = candidate.getRequest();
            if (candidate.sent()
                    && request.getMethod().equals(method)
                    && SipMessages.callIdOf(request).endsWith("@callgate")) {
                return candidate;
            }
        }
        throw new AssertionError("no " + method + " was sent to an agent");
    }

    void captured(Message message) {
        outbound.add(message);
    }

    @Override
    public void addSipListener(SipListener sipListener) {
        listener = sipListener;
    }

    @Override
    public ClientTransaction getNewClientTransaction(Request request) {
        FakeClientTransaction transaction = new FakeClientTransaction(this, request);
        clientTransactions.add(transaction);
        return transaction;
    }

    /** Like the RI, refuses a second transaction for the same branch and method (a retransmission). */
    @Override
    public ServerTransaction getNewServerTransaction(Request request) throws TransactionAlreadyExistsException {
        String key = key(request);
        if (serverTransactions.containsKey(key)) {
            throw new TransactionAlreadyExistsException("retransmission of " + key);
        }
        FakeServerTransaction transaction = new FakeServerTransaction(this, sip, request);
        serverTransactions.put(key, transaction);
        return transaction;
    }

    private static String key(Request request) {
        return ((ViaHeader) request.getHeader(ViaHeader.NAME)).getBranch() + " " + request.getMethod();
    }

    @Override
    public void sendResponse(Response response) {
        captured(response);
    }

    @Override
    public void sendRequest(Request request) {
        captured(request);
    }

    @Override
    public void removeSipListener(SipListener sipListener) {
        listener = null;
    }

    @Override
    public SipStack getSipStack() {
        throw new UnsupportedOperationException("no stack in unit tests");
    }

    @Override
    @Deprecated
    public ListeningPoint getListeningPoint() {
        throw new UnsupportedOperationException("no listening point in unit tests");
    }

    @Override
    public ListeningPoint[] getListeningPoints() {
        return new ListeningPoint[0];
    }

    @Override
    @Deprecated
    public void setListeningPoint(ListeningPoint listeningPoint) {
        throw new UnsupportedOperationException("no listening point in unit tests");
    }

    @Override
    public void addListeningPoint(ListeningPoint listeningPoint) {
        throw new UnsupportedOperationException("no listening point in unit tests");
    }

    @Override
    public ListeningPoint getListeningPoint(String transport) {
        return null;
    }

    @Override
    public void removeListeningPoint(ListeningPoint listeningPoint) {
        throw new UnsupportedOperationException("no listening point in unit tests");
    }

    @Override
    public CallIdHeader getNewCallId() {
        throw new UnsupportedOperationException("callgate makes its own Call-IDs");
    }

    @Override
    public Dialog getNewDialog(Transaction transaction) {
        throw new UnsupportedOperationException("dialogs come with their transactions");
    }

    @Override
    public void setAutomaticDialogSupportEnabled(boolean enabled) {
        throw new UnsupportedOperationException("callgate runs with the RI's default");
    }
}
