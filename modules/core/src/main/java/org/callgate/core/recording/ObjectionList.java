package org.callgate.core.recording;

import java.util.Set;

/**
 * The callers who objected to being recorded (R12 right to object; R14 "a caller may object with
 * a motivated request"). Looked up once per call, when the recording decision is made; an
 * implementation backed by a dossier store or a rights-request register can replace the
 * in-memory one without touching the decision.
 */
@FunctionalInterface
public interface ObjectionList {

    /**
     * @param e164 the caller's number in E.164 form ({@code +32475123456})
     * @return whether that caller objected to recording
     */
    boolean objects(String e164);

    /** Nobody objected. */
    ObjectionList NONE = e164 -> false;

    /** A fixed list of E.164 numbers, e.g. from configuration. */
    static ObjectionList of(Set<String> e164Numbers) {
        Set<String> numbers = Set.copyOf(e164Numbers);
        return numbers::contains;
    }
}
