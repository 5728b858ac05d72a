package org.callgate.audit;

import java.nio.charset.StandardCharsets;
import org.callgate.store.Digests;

/**
 * The actions the audit log records (R11), and the one way ids go into an entry: hashed, so the
 * log holds no personal data, yet an auditor who knows an id can find its entries.
 */
public final class AuditActions {

    /** A purge run: counts per retention class and the hashed ids destroyed (R1-R8, R14). */
    public static final String PURGE = "purge";

    /** A legal hold placed (R19). */
    public static final String HOLD_PLACE = "hold.place";

    /** A legal hold released (R19). */
    public static final String HOLD_RELEASE = "hold.release";

    /** The configuration loaded, with the file's SHA-256 and the retention profile. */
    public static final String CONFIG_LOAD = "config.load";

    /** A dossier read by an agent (R2, R3, R11). */
    public static final String DOSSIER_READ = "dossier.read";

    /** A recording read by compliance staff (R4, R8, R11). */
    public static final String RECORDING_READ = "recording.read";

    /** A data-subject request received (R12, R20). */
    public static final String REQUEST_OPEN = "request.open";

    /** A requester's identity checked (R22). */
    public static final String REQUEST_VERIFY = "request.verify";

    /** A request's deadline extended, with the reason (R20). */
    public static final String REQUEST_EXTEND = "request.extend";

    /** A request answered (R12). */
    public static final String REQUEST_ANSWER = "request.answer";

    /** A request refused, with the reason (R12, R22). */
    public static final String REQUEST_REFUSE = "request.refuse";

    /** A request carried out on the records: erased, restricted (R3, R8, R12, R19). */
    public static final String REQUEST_CARRY_OUT = "request.carry-out";

    /** A subject's records exported for an access or portability request: a read of personal data (R11, R12). */
    public static final String REQUEST_EXPORT = "request.export";

    private AuditActions() {}

    /**
     * {@code sha256:} and the SHA-256 of {@code id}: what an entry holds instead of a dossier
     * number or call id. <b>NOTE:</b> a plain hash hides ids with many possible values (call ids,
     * object keys); it does not hide a phone number, which must never be put in an entry at all.
     */
    public static String hashedId(String id) {
        return "sha256:" + Digests.sha256Hex(id.getBytes(StandardCharsets.UTF_8));
    }
}
