package org.callgate.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.ivr.KnownCaller;

/**
 * A {@link RecordIndex} that adds up the wall-clock time spent in the index, so that {@link
 * PurgeBench} can tell the purge's index and metadata work from its store work. {@link
 * #forEachDue} counts the whole scan, including what the caller does with each record (the
 * purge's planning).
 */
@SuppressForbidden("a benchmark measures wall-clock time")
final class TimedIndex implements RecordIndex {

    private final RecordIndex index;
    private final Thread caller;
    private long nanos;
    private long otherNanos;
    private final List<long[]> callerCalls = new ArrayList<>();

    TimedIndex(RecordIndex index) {
        this.index = index;
        this.caller = Thread.currentThread();
    }

    /** Nanoseconds spent in the index by the thread that made this wrapper (the purge's own thread). */
    synchronized long nanos() {
        return nanos;
    }

    /** Nanoseconds spent in the index by other threads (the purge's delete threads), added up. */
    synchronized long otherNanos() {
        return otherNanos;
    }

    /**
     * Nanoseconds the purge's own thread spent in the index between {@code from} and {@code to}
     * ({@link System#nanoTime()} readings).
     */
    synchronized long nanosBetween(long from, long to) {
        long sum = 0;
        for (long[] call : callerCalls) {
            sum += Math.max(0, Math.min(to, call[1]) - Math.max(from, call[0]));
        }
        return sum;
    }

    private <T> T timed(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            add(start, System.nanoTime());
        }
    }

    private void timed(Runnable call) {
        timed(() -> {
            call.run();
            return null;
        });
    }

    private synchronized void add(long start, long end) {
        if (Thread.currentThread() == caller) {
            nanos += end - start;
            callerCalls.add(new long[] {start, end});
        } else {
            otherNanos += end - start;
        }
    }

    @Override
    public Optional<KnownCaller> identify(PhoneNumber caller) {
        return timed(() -> index.identify(caller));
    }

    @Override
    public void put(Dossier dossier) {
        timed(() -> index.put(dossier));
    }

    @Override
    public void put(CallTrace trace) {
        timed(() -> index.put(trace));
    }

    @Override
    public void put(CallTrace trace, String batchKey) {
        timed(() -> index.put(trace, batchKey));
    }

    @Override
    public void put(RecordingRef recording) {
        timed(() -> index.put(recording));
    }

    @Override
    public void appendOnly(boolean on) {
        index.appendOnly(on);
    }

    @Override
    public SearchPage search(SearchQuery query) {
        return timed(() -> index.search(query));
    }

    @Override
    public Optional<Integer> dossierVersion(String number) {
        return timed(() -> index.dossierVersion(number));
    }

    @Override
    public long countExpired(Instant now) {
        return timed(() -> index.countExpired(now));
    }

    @Override
    public long deleteExpired(Instant now) {
        return timed(() -> index.deleteExpired(now));
    }

    @Override
    public void delete(RecordKind kind, String id) {
        timed(() -> index.delete(kind, id));
    }

    @Override
    public void delete(RecordKind kind, Collection<String> ids) {
        timed(() -> index.delete(kind, ids));
    }

    @Override
    public void forEachDue(Instant now, Consumer<IndexedRecord> each) {
        timed(() -> index.forEachDue(now, each));
    }

    @Override
    public List<IndexedRecord> linkedTo(String dossier) {
        return timed(() -> index.linkedTo(dossier));
    }

    @Override
    public List<IndexedRecord> ofCaller(PhoneNumber caller) {
        return timed(() -> index.ofCaller(caller));
    }

    @Override
    public List<IndexedRecord> ofCall(String callId) {
        return timed(() -> index.ofCall(callId));
    }

    @Override
    public void expungeDeletes() {
        timed(index::expungeDeletes);
    }

    @Override
    public void deleteAll() {
        timed(index::deleteAll);
    }

    @Override
    public long count(RecordKind kind) {
        return timed(() -> index.count(kind));
    }

    @Override
    public void refresh() {
        timed(index::refresh);
    }

    @Override
    public void commit() {
        timed(index::commit);
    }

    @Override
    public void close() {
        index.close();
    }
}
