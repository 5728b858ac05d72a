package org.callgate.core.ivr;

/**
 * The callers who withdrew their consent to satisfaction surveys (R10 "the caller may object",
 * R12 withdrawal of consent). Looked up once per call, before the IVR asks for consent; the
 * request register implements it, so a withdrawal applies from the caller's next call.
 */
@FunctionalInterface
public interface ConsentWithdrawals {

    /**
     * @param e164 the caller's number in E.164 form
     * @return whether that caller withdrew survey consent
     */
    boolean withdrawn(String e164);

    /** Nobody withdrew. */
    ConsentWithdrawals NONE = e164 -> false;
}
