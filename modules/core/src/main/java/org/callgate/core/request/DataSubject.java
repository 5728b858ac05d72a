package org.callgate.core.request;

import java.util.List;
import java.util.Objects;
import org.callgate.core.PhoneNumber;

/**
 * Who a request is about: the identifiers callgate can find their records by. Telephone numbers
 * in any form are held in E.164; at least one number or dossier is needed, since a name or an
 * e-mail address alone finds no call.
 *
 * @param name as the requester gave it, or null
 * @param email where the answer may go, or null
 */
public record DataSubject(List<PhoneNumber> phones, List<String> dossiers, String name, String email) {

    public DataSubject {
        phones = List.copyOf(Objects.requireNonNull(phones, "phones"));
        dossiers = List.copyOf(Objects.requireNonNull(dossiers, "dossiers"));
        if (phones.isEmpty() && dossiers.isEmpty()) {
            throw new IllegalArgumentException("a request needs a telephone number or a dossier number");
        }
        name = blankToNull(name);
        email = blankToNull(email);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
