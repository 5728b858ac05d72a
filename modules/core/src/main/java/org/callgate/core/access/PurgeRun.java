package org.callgate.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finished purge run as its report in the audit log gives it (R1-R8, R11, R14), without
 * personal data.
 *
 * @param id the run's id ({@code 20271126T030000Z})
 * @param started the instant every retain-until was compared with
 * @param finished when its report was written
 * @param dryRun whether nothing was destroyed
 * @param deleted records destroyed per retention class
 * @param kept records due but kept, per reason ({@code locked}, {@code unclassified:<class>}, {@code no-key})
 * @param local what each local purge (spool, outbox, CDR files) removed and kept
 * @param idsSha256 the digest of the destroyed records' ids
 * @param sequence the report's entry in the audit log
 */
public record PurgeRun(
        String id,
        Instant started,
        Instant finished,
        boolean dryRun,
        Map<String, Long> deleted,
        Map<String, Long> kept,
        List<Local> local,
        String idsSha256,
        long sequence) {

    /** What one local purge did. */
    public record Local(String what, long removed, long kept) {}

    public PurgeRun {
        Objects.requireNonNull(id, "id");
        deleted = Map.copyOf(deleted);
        kept = Map.copyOf(kept);
        local = List.copyOf(local);
    }
}
