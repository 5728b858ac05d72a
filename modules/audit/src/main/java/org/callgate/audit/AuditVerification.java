package org.callgate.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found: the chain is intact, or where it first breaks (R11).
 *
 * @param entries the entries read before the first break (all of them when intact)
 * @param segments the local segments holding entries
 * @param headSeq the seq of the last entry read, 0 when there is none
 * @param headHash the hash of that entry, {@link AuditLines#GENESIS} when there is none
 * @param firstBreak the first broken entry, empty when the chain is intact
 */
public record AuditVerification(long entries, int segments, long headSeq, String headHash, Optional<Break> firstBreak) {

    public AuditVerification {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(firstBreak, "firstBreak");
    }

    /** Why an entry breaks the chain. */
    public enum Reason {
        /** The line reads as an entry, but its hash does not match its content. */
        EDITED,
        /** The line is not an audit entry at all (not JSON, fields missing, hash not last). */
        UNREADABLE,
        /** Its seq is not the next one: entries before it were deleted, or lines were moved. */
        OUT_OF_SEQUENCE,
        /** Its prev is not the hash of the line before it: that line was replaced or moved. */
        BROKEN_LINK,
        /** The segment ends inside a line: a crash during an append, or a cut by hand. */
        TORN,
        /** The chain ends before the head stored in the store: its tail was removed. */
        TRUNCATED,
        /** The entry at the stored head's seq is not the one the head names. */
        HEAD_MISMATCH,
        /** The local segment differs from its sealed copy in the store. */
        DIFFERS_FROM_STORE,
        /** A segment sealed in the store is missing locally. */
        MISSING_SEGMENT
    }

    /**
     * The first broken entry.
     *
     * @param segment the local segment file's name
     * @param line the line number in it, from 1
     * @param seq the entry's seq: the one it claims, else the one expected there
     * @param reason why it breaks the chain
     * @param detail what was found, for a person
     */
    public record Break(String segment, long line, long seq, Reason reason, String detail) {

        public String describe() {
            return segment + " line " + line + " (seq " + seq + "): " + detail;
        }
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** One line for a terminal: the totals, or the first broken entry. */
    public String summary() {
        return firstBreak
                .map(broken -> "audit: chain broken at " + broken.describe())
                .orElseGet(() -> "audit: " + entries + " entries in " + segments + " segments, chain intact (head seq "
                        + headSeq + ", hash " + headHash + ")");
    }
}
