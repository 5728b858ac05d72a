package org.callgate.retention;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.records.TraceBatches;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purge (REQUIREMENTS "what follows" 3): destroys together and on time what its retention
 * class no longer keeps (R1 traces 1 year, R2/R3 dossiers, R7/R14 recordings, R8 banking
 * recordings, R10 surveys, R16): the store objects and their metadata, the index entries, the
 * traces out of their batches, and the local files that hold callers' numbers. It never touches
 * what a legal hold covers (R19: held records are not due in the index, held objects are refused
 * by the store) or what the store still locks by its own clock.
 *
 * <p>A run plans first (from the index: what is past retain-until and not held), writes the plan
 * to the {@link PurgeJournal}, then works through it in chunks of {@value #CHUNK} lines; every
 * {@value #CHUNKS_PER_COMMIT} chunks the index commits its removals and the journal records how
 * far the run got. A run cut short (crash, store outage) is finished by the next one before it
 * plans anew, redoing idempotently what came after its last recorded progress. At the end the index commits and its
 * deleted documents are merged away, so the index really shrinks; the run is reported (the audit
 * log, R11) before the journal forgets it, so that a crash in between leaves it to be reported by
 * the next run rather than never.
 *
 * <p>The lines of a chunk are destroyed by {@value #DELETE_THREADS} threads (or as many as given):
 * a store delete waits on the disk (the file store forces each directory it changes) or on a
 * request (S3), and several at once share that wait. The chunk is finished before its index
 * removals and the next chunk, so a commit and the progress it records still cover whole chunks.
 */
public final class Purge {

    private static final Logger LOG = LoggerFactory.getLogger(Purge.class);
    static final int CHUNK = 1000;
    /** Chunks between index commits; progress is recorded at a commit, so a resumed run redoes at most these. */
    static final int CHUNKS_PER_COMMIT = 20;
    /** Store deletes at once by default: enough to share the disk's or the network's wait, few enough for any store. */
    public static final int DELETE_THREADS = 8;

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RecordingStore store;
    private final RecordIndex index;
    private final RetentionProfile profile;
    private final PurgePlanner planner;
    private final TraceBatches traces;
    private final PurgeJournal journal;
    private final Clock clock;
    private final List<LocalPurge> locals;
    private final Consumer<PurgeReport> reports;
    private final int deleteThreads;

    /**
     * @param holds the register of legal holds, for the traces that stay in a rewritten batch
     * @param journalDir where the plan and progress of a run are kept until it finishes
     * @param locals the purges of local files (SMS outbox, CDR files, spool leftovers)
     * @param reports told of every finished run (the audit log, R11)
     */
    public Purge(
            RecordingStore store,
            RecordIndex index,
            RetentionProfile profile,
            LegalHoldCheck holds,
            Path journalDir,
            Clock clock,
            List<LocalPurge> locals,
            Consumer<PurgeReport> reports)
            throws IOException {
        this(store, index, profile, holds, journalDir, clock, locals, reports, DELETE_THREADS);
    }

    /** A purge that runs {@code deleteThreads} store deletes at once (1: one after the other). */
    public Purge(
            RecordingStore store,
            RecordIndex index,
            RetentionProfile profile,
            LegalHoldCheck holds,
            Path journalDir,
            Clock clock,
            List<LocalPurge> locals,
            Consumer<PurgeReport> reports,
            int deleteThreads)
            throws IOException {
        if (deleteThreads < 1) {
            throw new IllegalArgumentException("deleteThreads must be at least 1: " + deleteThreads);
        }
        this.deleteThreads = deleteThreads;
        this.store = store;
        this.index = index;
        this.profile = profile;
        this.planner = new PurgePlanner(index, profile);
        this.traces = new TraceBatches(store, index, holds);
        this.journal = new PurgeJournal(journalDir);
        this.clock = clock;
        this.locals = List.copyOf(locals);
        this.reports = reports;
    }

    /**
     * Finishes a run a crash cut short, then purges what is due now. With {@code dryRun}, only
     * counts what is due and changes nothing (an unfinished run is left for the next real one).
     *
     * @throws StoreException when the store fails; what was done stays done and the journal
     *     holds the rest for the next run
     */
    public synchronized PurgeReport run(boolean dryRun) throws StoreException, IOException {
        Instant now = clock.instant();
        String run = RUN_ID.format(now);
        if (dryRun) {
            PurgePlanner.Plan plan = planner.plan(now);
            Tally due = new Tally();
            plan.lines().forEach(line -> due.purged(line.split("\t")[1], records(line)));
            DueSurveys.plan(store, profile, now, plan.kept()).forEach(line -> due.purged(DueSurveys.CLASS, 1));
            DueHolds.plan(store, now).forEach(line -> due.purged(DueHolds.CLASS, 1));
            DueRequests.plan(store, now).forEach(line -> due.purged(DueRequests.CLASS, 1));
            DueRestrictions.plan(store, index, now).forEach(line -> due.purged(DueRestrictions.CLASS, 1));
            return report(run, now, true, due, plan.kept(), localPurges(now, true), plan.idsSha256(), true);
        }
        Optional<String> unfinished = journal.unfinished();
        if (unfinished.isPresent()) {
            LOG.info("purge: finishing run {}, which stopped before its end", unfinished.get());
            finish(unfinished.get(), now);
        }
        PurgePlanner.Plan plan = planner.plan(now);
        List<String> lines = new ArrayList<>();
        lines.add("# " + plan.idsSha256() + " " + plan.kept().line());
        lines.addAll(plan.lines());
        lines.addAll(DueSurveys.plan(store, profile, now, plan.kept()));
        lines.addAll(DueHolds.plan(store, now));
        lines.addAll(DueRequests.plan(store, now));
        lines.addAll(DueRestrictions.plan(store, index, now));
        journal.writePlan(run, lines);
        return finish(run, now);
    }

    private PurgeReport finish(String run, Instant now) throws StoreException, IOException {
        List<String> plan = journal.plan(run);
        String[] header = plan.getFirst().split(" ", 3);
        Tally tally = Tally.parse(header[2]);
        int from = 1;
        Optional<String> progress = journal.progress(run);
        if (progress.isPresent()) {
            String[] done = progress.get().split(" ", 2);
            from = Integer.parseInt(done[0]);
            tally = Tally.parse(done[1]);
        }
        PurgeSteps steps = new PurgeSteps(store, traces, run);
        int chunks = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(
                deleteThreads, Thread.ofPlatform().name("purge-delete-", 0).factory())) {
            for (int start = from; start < plan.size(); start += CHUNK) {
                int end = Math.min(plan.size(), start + CHUNK);
                steps.executeAll(plan.subList(start, end), tally, pool);
                index.delete(RecordKind.DOSSIER, steps.drain(RecordKind.DOSSIER));
                index.delete(RecordKind.RECORDING, steps.drain(RecordKind.RECORDING));
                if (++chunks % CHUNKS_PER_COMMIT == 0) {
                    // index removals durable first: a resumed run redoes (idempotently) what came after
                    index.commit();
                    journal.recordProgress(run, end + " " + tally.line());
                }
            }
        }
        index.commit();
        index.expungeDeletes();
        // all lines done: a run resumed from here redoes none and reports the same counts
        journal.recordProgress(run, plan.size() + " " + tally.line());
        List<LocalPurge.Outcome> local = localPurges(now, false);
        PurgeReport report = report(run, now, false, tally, new Tally(), local, header[1], true);
        LOG.info(
                "purge {}: {} records destroyed {}, {} kept {}",
                run,
                report.purgedTotal(),
                report.purged(),
                report.keptTotal(),
                report.kept());
        // reported before forgotten: a crash in between reports the run twice, never not at all (R11)
        reports.accept(report);
        journal.finish(run);
        return report;
    }

    private List<LocalPurge.Outcome> localPurges(Instant now, boolean dryRun) throws IOException {
        List<LocalPurge.Outcome> outcomes = new ArrayList<>();
        for (LocalPurge local : locals) {
            outcomes.add(local.purge(now, dryRun));
        }
        return outcomes;
    }

    private static PurgeReport report(
            String run,
            Instant now,
            boolean dryRun,
            Tally purged,
            Tally kept,
            List<LocalPurge.Outcome> local,
            String ids,
            boolean complete) {
        Tally all = new Tally();
        purged.purged.forEach(all::purged);
        purged.kept.forEach(all::kept);
        kept.kept.forEach(all::kept);
        return new PurgeReport(run, now, dryRun, all.purged, all.kept, local, ids, complete);
    }

    /** How many records a plan line names: one, or a batch's due traces. */
    private static long records(String line) {
        String[] f = line.split("\t");
        return f[0].equals("T") ? f[3].split(",").length : 1;
    }
}
