package org.callgate.core.ivr;

/**
 * What callgate knows about the caller before the IVR starts (R15: the caller's number
 * identifies them and routes them).
 *
 * @param mobile the caller's number is a Belgian mobile number, so an SMS can reach it (R9)
 * @param known the caller's dossier when the number is on file, or null
 * @param surveyWithdrawn the caller withdrew their consent to surveys (R10, R12): they are not asked
 *     again and get no survey
 */
public record CallerFacts(boolean mobile, KnownCaller known, boolean surveyWithdrawn) {

    public static final CallerFacts UNKNOWN = new CallerFacts(false, null, false);

    /** A caller who has not withdrawn survey consent. */
    public CallerFacts(boolean mobile, KnownCaller known) {
        this(mobile, known, false);
    }
}
