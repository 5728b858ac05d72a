package org.callgate.retention;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.DossierCorrection;
import org.callgate.records.DossierDetails;
import org.callgate.records.Dossiers;
import org.callgate.records.LegalHold;
import org.callgate.records.LegalHolds;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * Corrects a requester's dossier (R12 rectification): the correction is a new version, which is
 * what agents see and what the index holds, so the wrong data is no longer shown or searchable at
 * once. The earlier versions, which still hold it, are erased unless a law or a hold keeps them:
 * a banking dossier's versions are kept 10 years (R3, compliance lock), a held dossier's until its
 * hold is released (R19). The answer says which versions went and which stayed, and why.
 */
public final class Rectification {

    private final Dossiers dossiers;
    private final RecordingStore store;
    private final RetentionProfile profile;
    private final LegalHolds holds;
    private final Clock clock;

    public Rectification(
            Dossiers dossiers, RecordingStore store, RetentionProfile profile, LegalHolds holds, Clock clock) {
        this.dossiers = dossiers;
        this.store = store;
        this.profile = profile;
        this.holds = holds;
        this.clock = clock;
    }

    /**
     * Writes the corrected version of {@code correction.dossier()} and erases the earlier ones that
     * nothing keeps.
     *
     * @throws IllegalArgumentException when the dossier does not exist, is not the subject's (not
     *     named in the request, none of its numbers theirs), or the correction is not valid
     */
    public synchronized ErasureReport rectify(String request, DataSubject subject, DossierCorrection correction)
            throws StoreException, IOException {
        Dossier current = dossiers.get(correction.dossier())
                .orElseThrow(() -> new IllegalArgumentException("no dossier " + correction.dossier()));
        if (!belongsTo(current, subject)) {
            throw new IllegalArgumentException("dossier " + current.number()
                    + " is not the requester's: not named in the request, and none of its numbers is theirs");
        }
        Dossier corrected = dossiers.update(current.number(), corrected(DossierDetails.of(current), correction));
        List<ErasureReport.Line> lines = new ArrayList<>();
        Optional<String> keep = keptBecause(current);
        for (ObjectKey version : store.list("dossiers/" + current.number() + "/")) {
            if (version.value().endsWith(String.format(java.util.Locale.ROOT, "/v%06d.json", corrected.version()))) {
                continue;
            }
            Optional<String> why = keep.isPresent() ? keep : delete(version);
            lines.add(new ErasureReport.Line(
                    "dossier-version",
                    version.value().substring("dossiers/".length()),
                    current.retention().retentionClass(),
                    why.isEmpty(),
                    why.orElse(null),
                    false));
        }
        return new ErasureReport(request, clock.instant(), Erasure.Scope.RECTIFICATION, lines, 0);
    }

    private static boolean belongsTo(Dossier dossier, DataSubject subject) {
        return subject.dossiers().contains(dossier.number())
                || dossier.phones().stream().anyMatch(subject.phones()::contains);
    }

    private static DossierDetails corrected(DossierDetails now, DossierCorrection c) {
        return new DossierDetails(
                c.name() != null ? c.name() : now.name(),
                c.firstName() != null ? c.firstName() : now.firstName(),
                c.phones() != null ? c.phones() : now.phones(),
                c.iban() != null ? c.iban() : now.iban(),
                c.email() != null ? c.email() : now.email(),
                now.notes());
    }

    /** Why the earlier versions stay: a hold (R19) or the class's law (R3); empty when nothing keeps them. */
    private Optional<String> keptBecause(Dossier dossier) {
        List<LegalHold> covering = holds.covering(dossier);
        if (!covering.isEmpty()) {
            return Optional.of("legal hold (R19): case " + covering.getFirst().caseId() + " (hold "
                    + covering.getFirst().id() + "); not shown or searchable");
        }
        String retentionClass = dossier.retention().retentionClass();
        if (profile.has(retentionClass) && profile.rule(retentionClass).mode() == LockMode.COMPLIANCE) {
            RetentionProfile.Rule rule = profile.rule(retentionClass);
            return Optional.of("kept by law (" + rule.basis() + "): " + retentionClass + " for "
                    + RetentionProfile.words(rule.keep()) + "; not shown or searchable");
        }
        return Optional.empty();
    }

    private Optional<String> delete(ObjectKey version) throws StoreException {
        try {
            store.delete(version, true);
            return Optional.empty();
        } catch (ObjectNotFoundException gone) {
            return Optional.empty();
        } catch (RetentionLockedException locked) {
            return Optional.of("the store refuses to delete it yet");
        }
    }
}
