package org.callgate.core.dossier;

/**
 * Whether a legal hold covers a record (R19): asked when a record is written, so that a record
 * joining a held dossier, or of a held caller, is held from its first byte and never purged while
 * the hold is on. The register of holds implements it; modules that write records only ask.
 *
 * <p>A writer asks twice: before storing (to store the record held) and once more after indexing
 * it, because a hold placed in between finds the record only if the index has it by then.
 */
public interface LegalHoldCheck {

    /** No holds: for tests and tools that write no records under hold. */
    LegalHoldCheck NONE = new LegalHoldCheck() {
        @Override
        public boolean covers(Dossier dossier) {
            return false;
        }

        @Override
        public boolean covers(CallTrace trace) {
            return false;
        }

        @Override
        public boolean covers(RecordingRef recording) {
            return false;
        }
    };

    boolean covers(Dossier dossier);

    boolean covers(CallTrace trace);

    boolean covers(RecordingRef recording);
}
