package org.callgate.core.ivr;

/** DTMF keys as RFC 4733 §3.2 numbers them: 0-9, then {@code *} = 10 and {@code #} = 11. */
public final class Dtmf {

    private static final String SYMBOLS = "0123456789*#";

    private Dtmf() {}

    public static boolean isSymbol(char key) {
        return SYMBOLS.indexOf(key) >= 0;
    }

    /** The key of an RFC 4733 event code, or 0 when the event is not a DTMF key (e.g. A-D, flash). */
    public static char ofEvent(int event) {
        return event >= 0 && event < SYMBOLS.length() ? SYMBOLS.charAt(event) : 0;
    }
}
