package org.callgate.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditLog;
import org.callgate.core.access.RequestRegister;
import org.callgate.core.ivr.ConsentWithdrawals;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.Deadlines;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;
import org.callgate.records.RightsRequests;
import org.callgate.store.StoreException;

/**
 * Data-subject requests as staff handle them (R12, R20, R22): each step taken on the register and
 * written to the audit log (R11). The audit entries name the request, its type, status and due
 * date, never the requester: their numbers, name and e-mail stay in the request's own records,
 * which their retention class covers.
 */
final class RequestDesk implements RequestRegister {

    private final RightsRequests register;
    private final AuditLog audit;
    private final Clock clock;

    RequestDesk(RightsRequests register, AuditLog audit, Clock clock) {
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RightsRequest open(RequestType type, DataSubject subject, Instant received, String via, String actor)
            throws IOException {
        if (received != null && received.isAfter(clock.instant())) {
            throw new IllegalArgumentException("a request cannot be received in the future (" + received + ")");
        }
        try {
            return audited(AuditActions.REQUEST_OPEN, actor, register.open(type, subject, received, via, actor));
        } catch (StoreException e) {
            throw new IOException("cannot store the request: " + e.getMessage(), e);
        }
    }

    @Override
    public RightsRequest verify(String id, String method, String actor) throws IOException {
        return step(AuditActions.REQUEST_VERIFY, actor, id, r -> r.verify(method, actor, clock.instant()));
    }

    @Override
    public RightsRequest extend(String id, Instant due, String reason, String actor) throws IOException {
        return step(AuditActions.REQUEST_EXTEND, actor, id, r -> r.extend(due, reason, actor, clock.instant()));
    }

    @Override
    public RightsRequest answer(String id, String text, String actor) throws IOException {
        return step(AuditActions.REQUEST_ANSWER, actor, id, r -> r.answer(text, actor, clock.instant()));
    }

    @Override
    public RightsRequest refuse(String id, String reason, String actor) throws IOException {
        return step(AuditActions.REQUEST_REFUSE, actor, id, r -> r.refuse(reason, actor, clock.instant()));
    }

    /** The callers who objected to recording: the register's objections and {@code configured} (R12). */
    ObjectionList objections(ObjectionList configured) {
        return register.objections(configured);
    }

    /** The callers who withdrew survey consent (R10, R12). */
    ConsentWithdrawals surveyWithdrawals() {
        return register.surveyWithdrawals();
    }

    @Override
    public java.util.Optional<RightsRequest> find(String id) {
        return register.find(id);
    }

    @Override
    public List<RightsRequest> list(boolean closed) {
        return register.list(closed);
    }

    List<RightsRequest> overdue() {
        return register.overdue(clock.instant());
    }

    List<RightsRequest> dueSoon() {
        return register.dueSoon(clock.instant());
    }

    /** Whether {@code request} is past its due date now. */
    boolean overdue(RightsRequest request) {
        return Deadlines.overdue(request, clock.instant());
    }

    private RightsRequest step(String action, String actor, String id, UnaryOperator<RightsRequest> step)
            throws IOException {
        try {
            return audited(action, actor, register.step(id, step));
        } catch (StoreException e) {
            throw new IOException("cannot store the request's step: " + e.getMessage(), e);
        }
    }

    private RightsRequest audited(String action, String actor, RightsRequest request) throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", request.id());
        details.put("type", request.type().word());
        details.put("status", request.status().word());
        details.put("due", request.due().toString());
        audit.append(action, actor, details);
        return request;
    }
}
