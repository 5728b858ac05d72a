package org.callgate.app;

import java.io.IOException;
import java.util.Optional;
import org.callgate.core.access.CallerCheck;
import org.callgate.core.access.DossierDesk;
import org.callgate.core.access.DossierDraft;
import org.callgate.core.access.DossierWriteException;
import org.callgate.core.access.DossierWriteException.Reason;
import org.callgate.core.dossier.Dossier;
import org.callgate.records.DossierChangedException;
import org.callgate.records.DossierDetails;
import org.callgate.records.Dossiers;
import org.callgate.store.StoreException;

/**
 * The web API's agent side over the dossiers: writes and caller checks (R2, R17) through {@link
 * Dossiers}, store first. Writes of one dossier are serialised here, so that the version check of an
 * edit and its write cannot interleave with another edit in this process; an edit on another node
 * sharing the store is caught by the version's claim ({@link Dossiers#update}) and refused as a
 * conflict too.
 */
final class AgentWeb {

    private AgentWeb() {}

    static DossierDesk dossierDesk(Dossiers dossiers) {
        return new DossierDesk() {
            @Override
            public Dossier create(DossierDraft draft) throws DossierWriteException, IOException {
                return store(() -> dossiers.create(draft.service(), details(draft)));
            }

            @Override
            public Dossier update(String number, int version, DossierDraft draft)
                    throws DossierWriteException, IOException {
                synchronized (this) {
                    Dossier current = current(number);
                    if (current.version() != version) {
                        throw new DossierWriteException(
                                Reason.CONFLICT,
                                "version",
                                "dossier changed meanwhile: version " + version + " edited, " + current.version()
                                        + " is the latest; reload it");
                    }
                    String iban = draft.keepIban()
                            ? current.iban() == null ? null : current.iban().value()
                            : draft.iban();
                    return store(() -> dossiers.update(number, details(draft, iban)));
                }
            }

            /**
             * The check's line is added to the latest version's notes, and added again on top of a
             * version another node stores first ({@link Dossiers#amend}): a check is a fact, not an
             * edit of what the agent saw, so it is never refused for a change made meanwhile.
             */
            @Override
            public Dossier recordCheck(String number, CallerCheck check) throws DossierWriteException, IOException {
                synchronized (this) {
                    current(number);
                    return store(() -> dossiers.amend(
                            number,
                            details -> new DossierDetails(
                                    details.name(),
                                    details.firstName(),
                                    details.phones(),
                                    details.iban(),
                                    details.email(),
                                    details.notes().isBlank()
                                            ? check.notesLine()
                                            : details.notes().stripTrailing() + "\n" + check.notesLine())));
                }
            }

            @Override
            public Optional<Dossier> latest(String number) throws IOException {
                try {
                    return dossiers.get(number);
                } catch (StoreException e) {
                    throw new IOException("cannot read dossier from the store: " + e.getMessage(), e);
                }
            }

            private Dossier current(String number) throws DossierWriteException, IOException {
                return latest(number)
                        .orElseThrow(() -> new DossierWriteException(Reason.NOT_FOUND, null, "no such dossier"));
            }
        };
    }

    private static DossierDetails details(DossierDraft draft) {
        return details(draft, draft.iban());
    }

    private static DossierDetails details(DossierDraft draft, String iban) {
        return new DossierDetails(draft.name(), draft.firstName(), draft.phones(), iban, draft.email(), draft.notes());
    }

    @FunctionalInterface
    private interface Write {
        Dossier run() throws StoreException, IOException;
    }

    /**
     * Store failures as I/O errors (a 500), a version written first on another node as a conflict
     * (a 409: reload and edit again, ADR 0018), invalid details as a refusal naming no field.
     */
    private static Dossier store(Write write) throws DossierWriteException, IOException {
        try {
            return write.run();
        } catch (StoreException e) {
            throw new IOException("cannot write the dossier to the store: " + e.getMessage(), e);
        } catch (DossierChangedException e) {
            throw new DossierWriteException(Reason.CONFLICT, "version", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new DossierWriteException(Reason.INVALID, null, e.getMessage());
        }
    }
}
