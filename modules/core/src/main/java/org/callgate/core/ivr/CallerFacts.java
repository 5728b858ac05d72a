package org.callgate.core.ivr;

/**
 * What callgate knows about the caller before the IVR starts (R15: the caller's number
 * identifies them and routes them).
 *
 * @param mobile the caller's number is a Belgian mobile number, so an SMS can reach it (R9)
 * @param known the caller's dossier when the number is on file, or null
 */
public record CallerFacts(boolean mobile, KnownCaller known) {

    public static final CallerFacts UNKNOWN = new CallerFacts(false, null);
}
