package org.callgate.core.request;

import java.util.Locale;

/** The rights a caller may exercise (R12), one request each. */
public enum RequestType {
    /** A copy of every record about them (GDPR art. 15). */
    ACCESS,
    /** The same, in a machine-readable form they can take elsewhere (art. 20). */
    PORTABILITY,
    /** Wrong data corrected (art. 16). */
    RECTIFICATION,
    /** Their data erased, except what a law keeps (art. 17; R3, R8, R18, R19). */
    ERASURE,
    /** Their data kept but not used (art. 18). */
    RESTRICTION,
    /** No more recording of their calls (art. 21; R10, R14); banking calls stay recorded (R8). */
    OBJECTION,
    /** Consent to surveys withdrawn (art. 7(3); R10). */
    WITHDRAWAL;

    /** The lower-case word the CLI, the API and the stored records use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a word names, case-insensitively; {@code IllegalArgumentException} if none. */
    public static RequestType of(String word) {
        for (RequestType type : values()) {
            if (type.word().equalsIgnoreCase(word.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a request type: " + word + " (one of access, portability,"
                + " rectification, erasure, restriction, objection, withdrawal)");
    }
}
