package org.callgate.core.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.callgate.core.PhoneNumber;

/**
 * The trace of a call (R1): who called which service when, the parcel barcodes and whatever else
 * the caller gave, the way through the IVR and the SMS offer (R9), kept 1 year so that an agent
 * can pick up where the caller left off. Written once, when the call ends.
 *
 * @param caller the caller's number, or null when withheld
 * @param barcodes parcel tracking numbers the caller gave, normalised (upper case, no spaces)
 * @param given other information given to process the call, free text
 * @param ivrPath the menu keys and the route, as the IVR recorded them
 * @param dossier the dossier the call was identified with or linked to at the time, or null
 * @param answered when an agent answered, null when none did (and in traces written before
 *     callgate kept it): the start of the conversation and of its recording (R4, R8)
 * @param recording the recording decision and its outcome (product rule 4), null for calls that
 *     never reached an agent queue and in traces written before callgate kept it
 */
public record CallTrace(
        String callId,
        PhoneNumber caller,
        String serviceLine,
        String service,
        Instant time,
        List<String> barcodes,
        String given,
        String ivrPath,
        boolean smsOffered,
        boolean smsTaken,
        String dossier,
        RecordRetention retention,
        Instant answered,
        TraceRecording recording) {

    /** A trace without answer time or recording decision (generated data, older traces). */
    public CallTrace(
            String callId,
            PhoneNumber caller,
            String serviceLine,
            String service,
            Instant time,
            List<String> barcodes,
            String given,
            String ivrPath,
            boolean smsOffered,
            boolean smsTaken,
            String dossier,
            RecordRetention retention) {
        this(
                callId,
                caller,
                serviceLine,
                service,
                time,
                barcodes,
                given,
                ivrPath,
                smsOffered,
                smsTaken,
                dossier,
                retention,
                null,
                null);
    }

    public CallTrace {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(retention, "retention");
        barcodes = barcodes.stream().map(CallTrace::normaliseBarcode).toList();
        given = given == null ? "" : given;
        ivrPath = ivrPath == null ? "" : ivrPath;
    }

    /** The same trace with another retention: the store's legal hold, read back (R19). */
    public CallTrace withRetention(RecordRetention kept) {
        return new CallTrace(
                callId,
                caller,
                serviceLine,
                service,
                time,
                barcodes,
                given,
                ivrPath,
                smsOffered,
                smsTaken,
                dossier,
                kept,
                answered,
                recording);
    }

    /** A barcode as agents type it ({@code cd 1234 5678 9be}) in the form it is indexed. */
    public static String normaliseBarcode(String barcode) {
        return barcode.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
