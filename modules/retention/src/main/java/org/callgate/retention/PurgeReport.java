package org.callgate.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one purge run did, without personal data (R11): records destroyed per retention class, what
 * it kept and why, the local files it cleaned, and a digest of the destroyed records' ids, so that
 * an auditor holding the ids can check them against the log without the log naming anyone.
 *
 * @param run the run's id, from the instant it started ({@code 20271126T030000Z})
 * @param at the instant every retain-until was compared with
 * @param dryRun nothing was destroyed; the counts say what would have been
 * @param purged records destroyed (or due, on a dry run) per retention class
 * @param kept records due by the index but kept, per reason: {@code locked} (the store refused:
 *     its own clock or a hold says not yet), {@code unclassified:<class>} (a class the profile does
 *     not know), {@code no-key} (the index does not say where it is: run reindex)
 * @param local what each local purge removed and kept
 * @param idsSha256 SHA-256 of the due records' {@code kind:id}, sorted, one per line: what the run set out
 *     to destroy
 * @param complete false when the run stopped early (the store unavailable); the journal resumes it
 */
public record PurgeReport(
        String run,
        Instant at,
        boolean dryRun,
        Map<String, Long> purged,
        Map<String, Long> kept,
        List<LocalPurge.Outcome> local,
        String idsSha256,
        boolean complete) {

    public PurgeReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(at, "at");
        purged = Map.copyOf(purged);
        kept = Map.copyOf(kept);
        local = List.copyOf(local);
    }

    public long purgedTotal() {
        return purged.values().stream().mapToLong(Long::longValue).sum();
    }

    public long keptTotal() {
        return kept.values().stream().mapToLong(Long::longValue).sum();
    }
}
