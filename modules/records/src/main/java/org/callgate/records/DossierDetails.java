package org.callgate.records;

import java.util.List;
import java.util.Objects;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.Iban;

/**
 * What an agent enters or edits in a dossier (R2), as typed: numbers and the IBAN in any usual
 * form. {@link #phoneNumbers()} and {@link #parsedIban()} check them and say what is wrong.
 *
 * @param iban the bank account where the request needs it, or null/blank
 * @param email where given, or null/blank
 */
public record DossierDetails(
        String name, String firstName, List<String> phones, String iban, String email, String notes) {

    public DossierDetails {
        Objects.requireNonNull(name, "name");
        phones = List.copyOf(phones);
    }

    /** The details of a dossier as stored: to edit some of them and keep the rest. */
    public static DossierDetails of(Dossier dossier) {
        return new DossierDetails(
                dossier.name(),
                dossier.firstName(),
                dossier.phones().stream().map(PhoneNumber::e164).toList(),
                dossier.iban() == null ? null : dossier.iban().value(),
                dossier.email(),
                dossier.notes());
    }

    /** @throws IllegalArgumentException naming the number that is not a telephone number */
    List<PhoneNumber> phoneNumbers() {
        return phones.stream().map(PhoneNumber::parse).distinct().toList();
    }

    /** @throws IllegalArgumentException when the IBAN's check digits do not match */
    Iban parsedIban() {
        return iban == null || iban.isBlank() ? null : Iban.parse(iban);
    }

    void validate() {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a dossier needs a name");
        }
        if (email != null && !email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an e-mail address: '" + email + "'");
        }
        phoneNumbers();
        parsedIban();
    }
}
