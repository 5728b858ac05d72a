package org.callgate.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form ({@code +3222785044}).
 *
 * <p>Callers, carriers and agents write Belgian numbers in many ways: {@code 02 278 50 44},
 * {@code +32 2 278 50 44}, {@code 0032 2 278 50 44}, {@code 02/278.50.44}, or as the user part
 * of a SIP or tel URI ({@code +3222785044;phone-context=...}). Service lines (R5) and caller
 * identification (R15) compare numbers, so every number is normalised here once, at the edge,
 * and compared in E.164 everywhere else (ITU-T E.164; RFC 3966 §5.1.4 for visual separators).
 *
 * <p>Numbers without an international prefix are read in the Belgian national plan: a single
 * leading {@code 0} is the trunk prefix and is replaced by {@code +32}.
 */
public record PhoneNumber(String e164) {

    private static final String BELGIUM = "32";
    private static final int MAX_DIGITS = 15;
    private static final int MIN_DIGITS = 6;
    // Compiled once: numbers are parsed on every call.
    private static final Pattern E164 =
            Pattern.compile("\\+[1-9][0-9]{" + (MIN_DIGITS - 1) + "," + (MAX_DIGITS - 1) + "}");
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]+");
    private static final Pattern BELGIAN_MOBILE = Pattern.compile("\\+324[6-9][0-9]{7}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /**
     * Normalises a number written in any usual form.
     *
     * @throws IllegalArgumentException with a reason fit for an operator when the text is not a
     *     telephone number
     */
    public static PhoneNumber parse(String text) {
        Objects.requireNonNull(text, "text");
        String digits = stripVisualSeparators(withoutParameters(text.strip()));
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("empty telephone number");
        }
        if (!DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a telephone number: '" + text + "'");
        }
        String international = toInternational(digits);
        int count = international.length() - 1;
        if (count < MIN_DIGITS || count > MAX_DIGITS) {
            throw new IllegalArgumentException("telephone number has " + count + " digits, E.164 allows " + MIN_DIGITS
                    + " to " + MAX_DIGITS + ": '" + text + "'");
        }
        return new PhoneNumber(international);
    }

    /** Like {@link #parse(String)}, but empty instead of an exception. */
    public static Optional<PhoneNumber> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /** Belgian mobile ranges 046x–049x (R9: callers who can receive an SMS). */
    public boolean isBelgianMobile() {
        return BELGIAN_MOBILE.matcher(e164).matches();
    }

    @Override
    public String toString() {
        return e164;
    }

    private static String withoutParameters(String text) {
        int semicolon = text.indexOf(';');
        String number = semicolon < 0 ? text : text.substring(0, semicolon);
        if (number.regionMatches(true, 0, "tel:", 0, 4)) {
            number = number.substring(4);
        }
        return number;
    }

    private static String stripVisualSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '(' && c != ')' && c != '\u00a0') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String toInternational(String digits) {
        if (digits.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0")) {
            return "+" + BELGIUM + digits.substring(1);
        }
        if (digits.startsWith(BELGIUM) && digits.length() >= 10) {
            return "+" + digits; // carriers often drop the '+' in SIP user parts
        }
        throw new IllegalArgumentException(
                "number '" + digits + "' has neither an international nor a national prefix");
    }
}
