package org.callgate.core.request;

import java.util.List;
import java.util.Objects;

/**
 * What a rectification request corrects in one of the requester's dossiers (R12): each field
 * given replaces the dossier's, each null leaves it as it is. Numbers and the IBAN in any usual
 * form, as an agent types them.
 *
 * @param phones the dossier's numbers after the correction (all of them), or null
 */
public record DossierCorrection(
        String dossier, String name, String firstName, List<String> phones, String email, String iban) {

    public DossierCorrection {
        Objects.requireNonNull(dossier, "dossier");
        phones = phones == null ? null : List.copyOf(phones);
        if (name == null && firstName == null && phones == null && email == null && iban == null) {
            throw new IllegalArgumentException(
                    "a rectification names what to correct: name, first name," + " numbers, e-mail or IBAN");
        }
    }
}
