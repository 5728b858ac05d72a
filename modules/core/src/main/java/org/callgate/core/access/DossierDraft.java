package org.callgate.core.access;

import java.util.List;
import java.util.Objects;

/**
 * A dossier as an agent enters or edits it (R2), as typed: numbers and the IBAN in any usual form.
 *
 * @param service the service the dossier belongs to; ignored by an edit, which keeps it
 * @param iban the bank account where the request needs it, or null
 * @param email where given, or null
 */
public record DossierDraft(
        String service, String name, String firstName, List<String> phones, String iban, String email, String notes) {

    public DossierDraft {
        Objects.requireNonNull(name, "name");
        phones = List.copyOf(phones);
    }
}
