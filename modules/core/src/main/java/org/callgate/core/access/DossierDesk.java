package org.callgate.core.access;

import java.io.IOException;
import java.util.Optional;
import org.callgate.core.dossier.Dossier;

/**
 * Where agents write dossiers (R2) and record the checks they make on a caller (R17), for the web
 * API. Each write is a new version of the dossier in the store (the store never overwrites).
 */
public interface DossierDesk {

    /** The dossier's latest version, from the store (the source of truth), or empty. */
    Optional<Dossier> latest(String number) throws IOException;

    /**
     * Opens a dossier for {@code draft.service()}: its number, retention class and retain-until are
     * fixed here (R3).
     *
     * @throws DossierWriteException {@code INVALID} naming the field that breaks a rule
     */
    Dossier create(DossierDraft draft) throws DossierWriteException, IOException;

    /**
     * Writes the next version with the draft's details, if {@code version} is still the latest;
     * the service, creation and retention stay.
     *
     * @throws DossierWriteException {@code NOT_FOUND}, {@code CONFLICT} when another version was
     *     written meanwhile (through this node or another sharing the store), {@code INVALID}
     *     naming the field
     */
    Dossier update(String number, int version, DossierDraft draft) throws DossierWriteException, IOException;

    /**
     * Records a check an agent made on the caller (R17) as a new version of the dossier, whose
     * notes get a dated line saying what was checked, the result and by whom. A version written
     * meanwhile does not refuse it: the line is added to the latest version.
     *
     * @return the version written
     * @throws DossierWriteException {@code NOT_FOUND}; {@code CONFLICT} when the dossier kept
     *     changing on other nodes, so that the line could not be added
     */
    Dossier recordCheck(String number, CallerCheck check) throws DossierWriteException, IOException;
}
