package org.callgate.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditLog;
import org.callgate.core.access.RequestRegister;
import org.callgate.core.ivr.ConsentWithdrawals;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.Deadlines;
import org.callgate.core.request.DossierCorrection;
import org.callgate.core.request.RequestOutcome;
import org.callgate.core.request.RequestStatus;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;
import org.callgate.records.RightsRequests;
import org.callgate.retention.Erasure;
import org.callgate.retention.ErasureReport;
import org.callgate.retention.Rectification;
import org.callgate.retention.SubjectExport;
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
    private final Erasure erasure;
    private final SubjectExport export;
    private final Rectification rectification;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    RequestDesk(RightsRequests register, AuditLog audit, Clock clock) {
        this(register, audit, clock, null, null, null);
    }

    /**
     * A desk that also carries requests out on the records.
     *
     * @param erasure erases and restricts a subject's records, or null where the index is not open
     * @param export writes a subject's export, or null where the index is not open
     */
    RequestDesk(
            RightsRequests register,
            AuditLog audit,
            Clock clock,
            Erasure erasure,
            SubjectExport export,
            Rectification rectification) {
        this.register = register;
        this.audit = audit;
        this.clock = clock;
        this.erasure = erasure;
        this.export = export;
        this.rectification = rectification;
    }

    @Override
    public RequestOutcome rectify(String id, DossierCorrection correction, String actor) throws IOException {
        RightsRequest request = ready(id, "carried out");
        if (request.type() != RequestType.RECTIFICATION) {
            throw new IllegalArgumentException("only a rectification request corrects a dossier, not a "
                    + request.type().word());
        }
        try {
            ErasureReport report = requireRecords(rectification).rectify(id, request.subject(), correction);
            return kept(request, actor, report);
        } catch (StoreException e) {
            throw new IOException("cannot carry out request " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RequestOutcome carryOut(String id, String actor) throws IOException {
        RightsRequest request = ready(id, "carried out");
        Erasure.Scope scope = switch (request.type()) {
            case ERASURE -> Erasure.Scope.EVERYTHING;
            case OBJECTION -> Erasure.Scope.RECORDINGS;
            case WITHDRAWAL -> Erasure.Scope.SURVEY_ANSWERS;
            case RESTRICTION -> null;
            default ->
                throw new IllegalArgumentException("a " + request.type().word()
                        + " request changes no record: "
                        + (request.type() == RequestType.RECTIFICATION
                                ? "edit the dossier, then answer it"
                                : "export it, then answer it"));
        };
        try {
            return scope == null
                    ? kept(request, actor, restricted(request))
                    : kept(request, actor, requireRecords(erasure).erase(id, request.subject(), scope));
        } catch (StoreException e) {
            throw new IOException("cannot carry out request " + id + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the report with the request (the proof, R12, R20), audits the work and returns it. */
    private RequestOutcome kept(RightsRequest request, String actor, ErasureReport report)
            throws StoreException, IOException {
        Map<String, Object> json = new LinkedHashMap<>(report.json());
        json.put("erased", report.erased().size());
        json.put("kept", report.kept().size());
        register.keepReport(
                request.id(),
                report.scope().word() + "-" + STAMP.format(report.at()) + ".json",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        Map<String, Object> details = details(request);
        details.put("scope", report.scope().word());
        details.put("erased", report.erased().size());
        details.put("kept", report.kept().size());
        audit.append(AuditActions.REQUEST_CARRY_OUT, actor, details);
        return new RequestOutcome(report.text(), json);
    }

    @Override
    public void export(String id, String actor, OutputStream out) throws IOException {
        RightsRequest request = ready(id, "exported");
        if (request.type() != RequestType.ACCESS && request.type() != RequestType.PORTABILITY) {
            throw new IllegalArgumentException("only an access or portability request is answered by an export, not a "
                    + request.type().word());
        }
        SubjectExport.Summary summary;
        try {
            summary = requireRecords(export).write(id, request.subject(), out);
        } catch (StoreException e) {
            throw new IOException("cannot export request " + id + ": " + e.getMessage(), e);
        }
        Map<String, Object> details = details(request);
        details.put("records", summary.records().size());
        details.put("manifestSha256", summary.manifestSha256());
        audit.append(AuditActions.REQUEST_EXPORT, actor, details);
    }

    private ErasureReport restricted(RightsRequest request) throws StoreException, IOException {
        List<ErasureReport.Line> lines = requireRecords(erasure).restrict(request.id(), request.subject()).stream()
                .map(f -> new ErasureReport.Line(
                        f.kind().word(), f.id(), f.retentionClass(), false, "restricted on request (R12)", true))
                .toList();
        return new ErasureReport(request.id(), clock.instant(), Erasure.Scope.RESTRICTION, lines, 0);
    }

    /** The request, verified and open: nothing is released or erased before the identity is checked (R22). */
    private RightsRequest ready(String id, String what) {
        RightsRequest request = register.find(id)
                .orElseThrow(() -> new IllegalArgumentException("no request " + id + " (request list shows them)"));
        if (request.status() != RequestStatus.VERIFIED) {
            throw new IllegalStateException(
                    "request " + id + " is " + request.status().word() + ": it can be " + what
                            + " only once verified and before it is closed (R22)");
        }
        return request;
    }

    private static <T> T requireRecords(T work) {
        if (work == null) {
            throw new IllegalStateException("the records are not open here");
        }
        return work;
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
        audit.append(action, actor, details(request));
        return request;
    }

    private static Map<String, Object> details(RightsRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", request.id());
        details.put("type", request.type().word());
        details.put("status", request.status().word());
        details.put("due", request.due().toString());
        return details;
    }
}
