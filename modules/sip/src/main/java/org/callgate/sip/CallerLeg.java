package org.callgate.sip;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.callgate.sip.sdp.SdpOrigin;

/**
 * The caller's side of a call (A-leg): the dialog the caller created with its INVITE, in which
 * callgate is the UAS (RFC 3261 §12.1.1).
 *
 * <p>Everything callgate sends the caller is identified by what is kept here: responses go back
 * on the INVITE's server transaction with callgate's own To tag (§8.2.6.2), so that the caller
 * sees one dialog whatever the agent side does (its tags and Call-ID never reach the caller); the
 * SDP callgate sends on this leg keeps one session id and a growing version (RFC 3264 §8); and
 * callgate's Contact uses the transport the caller came in on (§8.1.1.8).
 *
 * <p>The dialog is the only thing that changes; it is read and written under the owning call's
 * lock, like the rest of the call's state.
 */
final class CallerLeg {

    /** The caller's Call-ID, which in-dialog requests from the caller carry. */
    final String callId;
    /** callgate's To tag in every response to the caller. */
    final String tag;
    /** The caller's INVITE transaction; its responses go out on it. */
    final ServerTransaction invite;
    /**
     * The caller's INVITE itself, kept for the call's life. Once its transaction has ended the
     * stack no longer has it ({@code RELEASE_REFERENCES_STRATEGY=Aggressive}, {@code
     * StackProperties}, ADR 0014); the call still needs it after that, to call another agent
     * (R15) after the IVR has answered.
     */
    final Request request;
    /** The transport of the caller's INVITE ({@code udp}, {@code tcp}), for callgate's Contact. */
    final String transport;
    /** The origin of the SDP callgate sends the caller. */
    final SdpOrigin origin;

    private final Object lock;
    private Dialog dialog;

    /** @param lock the owning call's lock */
    CallerLeg(Object lock, ServerTransaction invite, String tag, SdpOrigin origin) {
        this.lock = lock;
        this.invite = invite;
        this.request = invite.getRequest();
        this.tag = tag;
        this.origin = origin;
        this.callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        this.transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport();
        this.dialog = invite.getDialog();
    }

    /** The caller's dialog, on which callgate sends BYE and relays in-dialog requests. */
    Dialog dialog() {
        synchronized (lock) {
            return dialog;
        }
    }

    /** Takes the INVITE's dialog again once callgate has answered it: the stack's confirmed one. */
    void refreshDialog() {
        Dialog current = invite.getDialog();
        synchronized (lock) {
            if (current != null) {
                dialog = current;
            }
        }
    }
}
