package org.callgate.retention;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.callgate.core.dossier.RecordKind;
import org.callgate.records.Dossiers;
import org.callgate.records.TraceBatches;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionLockedException;
import org.callgate.store.StoreException;

/**
 * Destroys what one plan line names, together: a recording's audio and then its metadata, every
 * version of a dossier, the due traces of a batch. Each step is idempotent (an object already
 * gone counts as destroyed), so a line done twice after a crash does no harm. The store has the
 * last word: what it refuses to delete (retain-until by its own clock, a legal hold) is kept.
 * The index entries of what went are collected for one removal per chunk.
 *
 * <p>The lines of a chunk run on a bounded pool ({@link #executeAll}): each line names objects
 * no other line names, and a line's own steps stay in order (audio before metadata).
 */
final class PurgeSteps {

    private final RecordingStore store;
    private final TraceBatches traces;
    private final String run;
    private final List<String> goneDossiers = new ArrayList<>();
    private final List<String> goneRecordings = new ArrayList<>();

    PurgeSteps(RecordingStore store, TraceBatches traces, String run) {
        this.store = store;
        this.traces = traces;
        this.run = run;
    }

    /**
     * Executes {@code lines} on {@code pool} and waits for all of them, also when one fails: then
     * the lines not yet started are cancelled and the first failure is thrown. What was done
     * stays done; the journal resumes from the last recorded progress, redoing idempotently.
     */
    void executeAll(List<String> lines, Tally tally, ExecutorService pool) throws StoreException, IOException {
        List<Future<Void>> running = new ArrayList<>(lines.size());
        for (String line : lines) {
            running.add(pool.submit(() -> {
                execute(line, tally);
                return null;
            }));
        }
        Throwable first = null;
        for (Future<Void> step : running) {
            try {
                step.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause();
                    running.forEach(r -> r.cancel(false));
                }
            } catch (CancellationException cancelled) {
                // after the first failure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(r -> r.cancel(false));
                throw new InterruptedIOException("purge interrupted");
            }
        }
        switch (first) {
            case null -> {}
            case StoreException e -> throw e;
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(first);
        }
    }

    void execute(String line, Tally tally) throws StoreException, IOException {
        String[] f = line.split("\t");
        switch (f[0]) {
            case "R" -> recording(f[1], f[2], ObjectKey.of(f[3]), tally);
            case "D" -> dossier(f[1], f[2], tally);
            case "T" -> batch(f[1], ObjectKey.of(f[2]), new LinkedHashSet<>(List.of(f[3].split(","))), tally);
            case "S" -> object(f[1], ObjectKey.of(f[2]), tally);
            case "H" -> releasedHold(f[1], f[2], tally);
            case "Q" -> closedRequest(f[1], f[2], tally);
            default -> throw new IOException("not a purge plan line: " + line);
        }
    }

    private void recording(String retentionClass, String callId, ObjectKey audio, Tally tally) throws StoreException {
        String value = audio.value();
        ObjectKey metadata = ObjectKey.of(value.substring(0, value.lastIndexOf('.')) + ".json");
        if (!delete(audio) || !delete(metadata)) {
            tally.kept("locked", 1);
            return;
        }
        gone(goneRecordings, callId);
        tally.purged(retentionClass, 1);
    }

    /**
     * Every version, then the claims of its versions and of its number (ADR 0018), which have
     * outlived their use: nobody edits the dossier any more, and the number's year is years past.
     * They go last, so that a retry after a crash still finds them; they carry the dossier's
     * retain-until, unlocked, so nothing is kept past it (R1). An erasure leaves the number's claim,
     * so an erased dossier's number is never handed out again while its year runs.
     */
    private void dossier(String retentionClass, String number, Tally tally) throws StoreException {
        for (ObjectKey version : store.list("dossiers/" + number + "/")) {
            if (!delete(version)) {
                tally.kept("locked", 1);
                return;
            }
        }
        for (ObjectKey claim : store.list(Dossiers.versionClaims(number))) {
            delete(claim); // none for a dossier never edited, or edited before versions were claimed
        }
        delete(Dossiers.numberClaim(number)); // none for a dossier stored before numbers were claimed
        gone(goneDossiers, number);
        tally.purged(retentionClass, 1);
    }

    /** A record that is one store object and not indexed: a survey's answers. */
    private void object(String retentionClass, ObjectKey key, Tally tally) throws StoreException {
        if (delete(key)) {
            tally.purged(retentionClass, 1);
        } else {
            tally.kept("locked", 1);
        }
    }

    /** A released hold's record and its release: the release goes last, so a retry finds it. */
    private void releasedHold(String retentionClass, String id, Tally tally) throws StoreException {
        for (ObjectKey marker : DueHolds.markers(id)) {
            if (!delete(marker)) {
                tally.kept("locked", 1);
                return;
            }
        }
        if (delete(DueHolds.hold(id)) && delete(DueHolds.release(id))) {
            tally.purged(retentionClass, 1);
        } else {
            tally.kept("locked", 1);
        }
    }

    /** A closed data-subject request: each of its step objects. */
    private void closedRequest(String retentionClass, String id, Tally tally) throws StoreException {
        for (ObjectKey step : DueRequests.steps(store, id)) {
            if (!delete(step)) {
                tally.kept("locked", 1);
                return;
            }
        }
        tally.purged(retentionClass, 1);
    }

    private void batch(String retentionClass, ObjectKey key, Set<String> due, Tally tally)
            throws StoreException, IOException {
        try {
            TraceBatches.Removal removal = traces.remove(key, due, run);
            tally.purged(retentionClass, removal.removed());
        } catch (RetentionLockedException e) {
            tally.kept("locked", due.size());
        }
    }

    /** Deletes {@code key}; false when the store refuses (locked or held), true when gone. */
    private boolean delete(ObjectKey key) throws StoreException {
        try {
            store.delete(key, false);
            return true;
        } catch (ObjectNotFoundException alreadyGone) {
            return true;
        } catch (RetentionLockedException locked) {
            return false;
        }
    }

    private synchronized void gone(List<String> ids, String id) {
        ids.add(id);
    }

    /** Kinds and ids of what the steps since the last call destroyed; forgets them. */
    synchronized List<String> drain(RecordKind kind) {
        List<String> from = kind == RecordKind.DOSSIER ? goneDossiers : goneRecordings;
        List<String> ids = List.copyOf(from);
        from.clear();
        return ids;
    }
}
