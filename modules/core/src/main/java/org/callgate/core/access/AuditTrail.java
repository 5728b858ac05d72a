package org.callgate.core.access;

import java.io.IOException;
import java.util.Map;

/**
 * Where the web API writes who did what (R11); the wiring appends to the audit log, which adds the
 * time and chains the entry. Details whose key is {@value #DOSSIER}, {@value #CALL} or {@value #NUMBER} are ids or numbers: the log holds them
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
     * A callback asked for (R5): details {@code service}, {@value #NUMBER}, {@value #DOSSIER} when
     * given, {@code sipStatus} (the phone's answer).
     */
    String CALLBACK = "callback.place";

    /** The detail key of a customer's telephone number; held hashed like an id. */
    String NUMBER = "number";

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
