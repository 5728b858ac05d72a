package org.callgate.core.access;

import java.io.IOException;
import java.util.Map;

/**
 * Where the web API writes who did what (R11); the wiring appends to the audit log, which adds the
 * time and chains the entry. Details whose key is {@value #DOSSIER} or {@value #CALL} are ids: the log holds them
 * hashed, never in clear.
 */
@FunctionalInterface
public interface AuditTrail {

    /** A successful login: details {@code address}. */
    String LOGIN = "login";

    /** A refused or throttled login: details {@code address}, {@code reason}. */
    String LOGIN_FAILED = "login.failed";

    /** A logout, or nothing of a session's end but its expiry. */
    String LOGOUT = "logout";

    /** A dossier opened (R2, R11): details {@value #DOSSIER}. */
    String DOSSIER_READ = "dossier.read";

    /**
     * A recording's audio sent (R11), written before the first byte: details {@value #CALL}, {@code
     * reason}, {@code range}.
     */
    String RECORDING_READ = "recording.read";

    /**
     * A callback asked for (R5): details {@code service}, {@value #DOSSIER} when given, {@code
     * sipStatus} (the phone's answer); never the number, which a hash would not hide.
     */
    String CALLBACK = "callback.place";

    /**
     * A legal hold placed (R19): details {@code hold}, {@code scope}, {@code case}, {@code reason},
     * {@code records}, {@code objects}, and the value as {@value #DOSSIER} or {@value #CALL} (hashed);
     * a caller's number is never written, the hold id names it.
     */
    String HOLD_PLACE = "hold.place";

    /** A legal hold released (R19): details as {@link #HOLD_PLACE}. */
    String HOLD_RELEASE = "hold.release";

    /**
     * The legal holds listed (R11: a caller hold shows the caller's number): details {@code
     * released} (whether released holds were asked for too) and {@code count}.
     */
    String HOLD_LIST = "hold.list";

    /** Data-subject requests listed (they show requesters' numbers and names). */
    String REQUEST_LIST = "request.list";

    /** The audit log read (R11): details {@code view} ({@code entries} or {@code purges}) and the page asked for. */
    String AUDIT_READ = "audit.read";

    /** A compliance report read: details {@code report} and the period. */
    String REPORT_READ = "report.read";

    /** The detail key of a call id; held hashed like a dossier number. */
    String CALL = "call";

    /** The detail key of a dossier number. */
    String DOSSIER = "dossier";

    /**
     * Appends an entry; when this fails the request that caused it fails too, so that nothing is
     * read unrecorded.
     */
    void record(String action, String actor, Map<String, String> details) throws IOException;
}
