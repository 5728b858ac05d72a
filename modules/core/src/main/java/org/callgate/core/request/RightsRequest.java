package org.callgate.core.request;

import java.time.Instant;
import java.util.Objects;

/**
 * One data-subject request (R12, R20, R22) and its steps so far. It is opened on receipt, its
 * requester's identity is checked ({@link #verify}), its deadline may be extended once or more up
 * to three months after receipt ({@link #extend}), and it is closed either answered, which needs
 * the identity checked first (R22), or refused. Each step returns a new request; the register
 * stores each as it is taken.
 *
 * @param via how it came in (letter, e-mail, the desk, a call's id), free text
 * @param verification how the requester's identity was checked and by whom, or null
 * @param extension the deadline's extension and its reason, or null
 * @param closing the answer or the reason of the refusal, or null while open
 */
public record RightsRequest(
        String id,
        RequestType type,
        DataSubject subject,
        Instant received,
        String via,
        String openedBy,
        RequestStatus status,
        Verification verification,
        Extension extension,
        Closing closing) {

    /** How the requester's identity was checked (R22): the means (an ID card at the desk, a call back to the number on file). */
    public record Verification(String method, String by, Instant at) {
        public Verification {
            method = required(method, "how the identity was checked");
            by = required(by, "who checked it");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A later deadline and why (R20: "with the reasons for the delay"). */
    public record Extension(Instant due, String reason, String by, Instant at) {
        public Extension {
            Objects.requireNonNull(due, "due");
            reason = required(reason, "the reason of the extension");
            by = required(by, "who extended it");
            Objects.requireNonNull(at, "at");
        }
    }

    /** What was answered (done and kept, and why) or why the request was refused. */
    public record Closing(String text, String by, Instant at) {
        public Closing {
            text = required(text, "the answer");
            by = required(by, "who closed it");
            Objects.requireNonNull(at, "at");
        }
    }

    public RightsRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(status, "status");
    }

    /** A request just received. */
    public static RightsRequest open(
            String id, RequestType type, DataSubject subject, Instant received, String via, String by) {
        return new RightsRequest(
                id, type, subject, received, via, required(by, "who opened it"), RequestStatus.OPEN, null, null, null);
    }

    /** When it must be answered: one month after receipt, or the extension's date. */
    public Instant due() {
        return extension != null ? extension.due() : Deadlines.due(received);
    }

    public RightsRequest verify(String method, String by, Instant at) {
        if (status != RequestStatus.OPEN) {
            throw new IllegalStateException("request " + id + " is " + status.word() + ", not open: nothing to verify");
        }
        return new RightsRequest(
                id,
                type,
                subject,
                received,
                via,
                openedBy,
                RequestStatus.VERIFIED,
                new Verification(method, by, at),
                extension,
                null);
    }

    public RightsRequest extend(Instant newDue, String reason, String by, Instant at) {
        notClosed("extended");
        if (!newDue.isAfter(due())) {
            throw new IllegalArgumentException("the new due date " + newDue + " is not after the current one " + due());
        }
        if (newDue.isAfter(Deadlines.latest(received))) {
            throw new IllegalArgumentException("a request may be extended to three months after receipt at most ("
                    + Deadlines.latest(received) + ", R20)");
        }
        return new RightsRequest(
                id,
                type,
                subject,
                received,
                via,
                openedBy,
                status,
                verification,
                new Extension(newDue, reason, by, at),
                null);
    }

    /** Closes it answered; the requester's identity must have been checked (R22). */
    public RightsRequest answer(String text, String by, Instant at) {
        notClosed("answered");
        if (status != RequestStatus.VERIFIED) {
            throw new IllegalStateException("request " + id + ": the requester's identity is not verified (R22);"
                    + " verify it first, or refuse the request");
        }
        return closed(RequestStatus.ANSWERED, new Closing(text, by, at));
    }

    /** Closes it refused, with the reason (identity not proven, unfounded, repeated). */
    public RightsRequest refuse(String reason, String by, Instant at) {
        notClosed("refused");
        return closed(RequestStatus.REFUSED, new Closing(reason, by, at));
    }

    private RightsRequest closed(RequestStatus to, Closing how) {
        return new RightsRequest(id, type, subject, received, via, openedBy, to, verification, extension, how);
    }

    private void notClosed(String what) {
        if (status.closed()) {
            throw new IllegalStateException(
                    "request " + id + " is " + status.word() + " already: it cannot be " + what);
        }
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return text.strip();
    }
}
