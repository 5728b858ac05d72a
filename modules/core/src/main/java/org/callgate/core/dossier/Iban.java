package org.callgate.core.dossier;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616), checked by its mod-97 check digits.
 *
 * <p>A dossier holds a bank account number where the request needs it (R2), and an agent may
 * verify a caller by it (R17). Need to know (R11): an agent who finds a dossier by IBAN sees only
 * {@link #masked()}, the country and the last four characters; the full number stays in the
 * dossier for those who open it.
 */
public record Iban(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    public Iban {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an IBAN: '" + value + "'");
        }
        if (!checksumHolds(value)) {
            throw new IllegalArgumentException("IBAN check digits do not match: '" + value + "'");
        }
    }

    /** Reads an IBAN written with spaces or in lower case ({@code be71 0961 2345 6769}). */
    public static Iban parse(String text) {
        return new Iban(normalise(text));
    }

    /** Like {@link #parse(String)}, but empty when the text is not a valid IBAN. */
    public static Optional<Iban> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // Every search box entry is tried as an IBAN: most are not, and need no exception to say so.
        String value = normalise(text);
        if (!SHAPE.matcher(value).matches() || !checksumHolds(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Iban(value));
        } catch (IllegalArgumentException notAnIban) {
            return Optional.empty();
        }
    }

    /** {@code BE** **** **** 6769}: the country and the last four characters, in groups of four. */
    public String masked() {
        StringBuilder out = new StringBuilder(value.length() + value.length() / 4);
        int keepFrom = value.length() - 4;
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(i < 2 || i >= keepFrom ? value.charAt(i) : '*');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String text) {
        Objects.requireNonNull(text, "text");
        return text.replace(" ", "").replace("\u00a0", "").toUpperCase(Locale.ROOT);
    }

    /** ISO 13616: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
    private static boolean checksumHolds(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            digits.append(Character.digit(rearranged.charAt(i), 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
