package org.callgate.core.access;

import java.util.List;
import java.util.Objects;

/**
 * A dossier as an agent enters or edits it (R2), as typed: numbers and the IBAN in any usual form.
 *
 * @param service the service the dossier belongs to; ignored by an edit, which keeps it
 * @param iban the bank account where the request needs it, or null (none, or on an edit with
 *     {@code keepIban}, the one on file)
 * @param email where given, or null
 * @param keepIban an edit keeps the IBAN on file: the API shows an IBAN masked only (R11), so an
 *     agent who did not retype it must not erase it by saving
 */
public record DossierDraft(
        String service,
        String name,
        String firstName,
        List<String> phones,
        String iban,
        String email,
        String notes,
        boolean keepIban) {

    public DossierDraft {
        Objects.requireNonNull(name, "name");
        phones = List.copyOf(phones);
        if (keepIban && iban != null) {
            throw new IllegalArgumentException("an edit either keeps the IBAN on file or gives one");
        }
    }

    /** A draft that states its IBAN (or none). */
    public DossierDraft(
            String service,
            String name,
            String firstName,
            List<String> phones,
            String iban,
            String email,
            String notes) {
        this(service, name, firstName, phones, iban, email, notes, false);
    }
}
