package org.callgate.records;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.request.DataSubject;
import org.callgate.records.SubjectRecords.Found;
import org.callgate.records.SubjectRecords.Kind;
import org.callgate.store.StoreException;

/**
 * The calls found for a data subject that are someone else's (R12, R11 need to know): made from a
 * number that is neither one the request gives nor one of the subject's dossiers, and found only
 * because they are linked to the subject's dossier (a relative calling about it). An export leaves
 * them out, an erasure leaves them to their own retention: they hold another person's data.
 */
public final class OthersCalls {

    private OthersCalls() {}

    /** The subject's numbers: those given, and those of their dossiers. */
    public static Set<String> ownNumbers(SubjectRecords subjects, DataSubject subject, List<Found> found)
            throws StoreException, IOException {
        Set<String> own = new LinkedHashSet<>();
        subject.phones().stream().map(PhoneNumber::e164).forEach(own::add);
        for (Found record : found) {
            if (record.kind() == Kind.DOSSIER) {
                subjects.versions(record).forEach(d -> d.phones().forEach(p -> own.add(p.e164())));
            }
        }
        return own;
    }

    /** The call ids among {@code found} made from none of {@code own}, the subject's numbers. */
    public static Set<String> among(SubjectRecords subjects, List<Found> found, Set<String> own)
            throws StoreException, IOException {
        Set<String> foreign = new LinkedHashSet<>();
        for (Found record : found) {
            if (record.kind() == Kind.TRACE) {
                CallTrace trace = subjects.trace(record).orElse(null);
                if (trace != null
                        && trace.caller() != null
                        && !own.contains(trace.caller().e164())) {
                    foreign.add(record.id());
                }
            } else if (record.kind() == Kind.RECORDING) {
                PhoneNumber caller = subjects.recording(record).caller();
                if (caller != null && !own.contains(caller.e164())) {
                    foreign.add(record.id());
                }
            }
        }
        return foreign;
    }
}
