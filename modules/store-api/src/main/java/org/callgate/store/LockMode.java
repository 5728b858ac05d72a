package org.callgate.store;

/**
 * How strictly a retain-until is enforced, as in S3 Object Lock.
 */
public enum LockMode {
    /** Nobody may delete the object or shorten its retention before retain-until (legal retention, R8). */
    COMPLIANCE,
    /** Only a caller that bypasses governance may (a sampled recording erased on objection, R12). */
    GOVERNANCE,
    /** Retain-until is informative: the purge job honours it, the store does not lock the object. */
    NONE
}
