package org.callgate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.callgate.app.config.RetentionFiles;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordKind;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.records.RecordWriter;
import org.callgate.records.SyntheticData;
import org.callgate.retention.Purge;
import org.callgate.retention.PurgeReport;
import org.callgate.store.ObjectKey;
import org.callgate.store.RetentionProfile;
import org.callgate.store.file.FileRecordingStore;

/**
 * The purge benchmark ({@code scripts/bench-purge}): N due records in the file store and the
 * Lucene index, destroyed by {@link Purge}, against raw deletes of an identical set of objects in
 * the same store and run.
 *
 * <p>The records are call traces (in batches of up to 500 a UTC day, the store object the purge
 * deletes), dossiers (an object per version; every fourth has two) and sampled recordings (audio
 * and metadata), in the shares given, all past retain-until at the purge's fixed clock (2040).
 * The raw set is a copy of every object under {@code raw/}; its keys are deleted one by one with
 * {@code store.delete(key, false)}, in key order as the purge's plan is, on as many threads as the purge deletes with (its pool takes
 * one plan line at a time; the raw threads one key at a time).
 *
 * <p>The purge runs with the index and the store wrapped in {@link TimedIndex} and {@link
 * TimedStore}, which split the run at its first and last store delete: before is <i>plan</i>
 * ({@code forEachDue}, the plan, its journal), after is <i>shrink</i> (the last commit, {@code
 * expungeDeletes}), between is <i>destroy</i>. The <b>object part</b> is destroy less the time
 * the purge's own thread spent in the index meanwhile (the chunks' index removals and commits):
 * the store deletes and the work per line around them (reading a trace batch, listing a
 * dossier's versions, the progress journal). The <b>index and metadata part</b> is plan + shrink
 * + those index removals + the trace batches' index removals, which the delete threads make
 * (added up over the threads, although they overlap the store work: an upper bound).
 *
 * <p>Usage: {@code PurgeBench DIR RECORDS TRACE_PCT DOSSIER_PCT RECORDING_PCT THREADS
 * [purge-first|split]}: the raw deletes run first, or after the purge, or every other key before
 * and the rest after; prints {@code
 * key=value} lines, progress on stderr.
 */
@SuppressForbidden("a benchmark measures wall-clock time and prints its results")
public final class PurgeBench {

    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
    /** Past the retain-until of every record generated, banking dossiers' 10 years included. */
    private static final Instant PURGE_AT = Instant.parse("2040-01-01T03:00:00Z");

    private PurgeBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long records = Long.parseLong(args[1]);
        long traces = records * Integer.parseInt(args[2]) / 100;
        int dossiers = (int) (records * Integer.parseInt(args[3]) / 100);
        int recordings = (int) (records - traces - dossiers);
        if (Integer.parseInt(args[2]) + Integer.parseInt(args[3]) + Integer.parseInt(args[4]) != 100) {
            throw new IllegalArgumentException("the shares must add up to 100");
        }
        int threads = Integer.parseInt(args[5]);
        boolean purgeFirst = args.length > 6 && args[6].equals("purge-first");
        boolean split = args.length > 6 && args[6].equals("split");
        RetentionProfile profile = RetentionFiles.load(Path.of("config/retention"), "default");
        Clock clock = Clock.fixed(PURGE_AT, ZoneOffset.UTC);
        Path storeRoot = dir.resolve("store");
        Path indexDir = dir.resolve("index");
        out(
                "records=%d%ntraces=%d%ndossiers=%d%nrecordings=%d%ndelete_threads=%d",
                records, traces, dossiers, recordings, threads);

        try (FileRecordingStore store = new FileRecordingStore(storeRoot, clock);
                LuceneRecordIndex index = LuceneRecordIndex.open(indexDir, 256)) {
            long start = System.nanoTime();
            index.appendOnly(true);
            PurgeBenchData data = new PurgeBenchData(storeRoot, profile, new SyntheticData(2026, NOW, profile), NOW);
            try (RecordWriter writer = new RecordWriter(store, index, profile, dir.resolve("index-journal"))) {
                data.traces(traces, writer);
            }
            progress("traces stored and indexed");
            long objects = data.dossiers(dossiers, index) + data.recordings(recordings, index);
            index.commit();
            index.appendOnly(false);
            progress("dossiers and recordings stored and indexed");
            List<String> raw = data.mirror("raw/");
            PurgeBenchData.check(store, raw);
            sync();
            out("generate_seconds=%.1f%nobjects=%d", seconds(start), raw.size());
            out("index_size_before_mb=%.1f", sizeMb(indexDir));

            raw.sort(null); // in key order, as the purge's plan is
            if (split) { // half of the raw deletes before the purge, half after: neither goes first
                List<String> even = new ArrayList<>();
                List<String> odd = new ArrayList<>();
                for (int i = 0; i < raw.size(); i++) {
                    (i % 2 == 0 ? even : odd).add(raw.get(i));
                }
                double before = even.size() / rawDeletes(store, even, threads);
                Timing timing = purge(store, index, profile, dir, clock, records, threads);
                double after = odd.size() / rawDeletes(store, odd, threads);
                out("raw_split_objects_per_s=%.0f", raw.size() / (before + after));
                timing.print(raw.size() / (before + after));
            } else if (purgeFirst) {
                Timing timing = purge(store, index, profile, dir, clock, records, threads);
                timing.print(rawDeletes(store, raw, threads));
            } else {
                double rawRate = rawDeletes(store, raw, threads);
                purge(store, index, profile, dir, clock, records, threads).print(rawRate);
            }
            out("index_size_after_purge_mb=%.1f", sizeMb(indexDir));
            index.refresh();
            long left =
                    index.count(RecordKind.TRACE) + index.count(RecordKind.DOSSIER) + index.count(RecordKind.RECORDING);
            out(
                    "index_records_left=%d%nstore_objects_left=%d",
                    left, store.list("").size());
        }
        // closed: the files a searcher of before the purge still held are gone; what is left is the last commit
        out("index_size_after_close_mb=%.1f", sizeMb(indexDir));
        memory();
    }

    /** Deletes {@code keys} one by one as the purge does; returns objects per second. */
    private static double rawDeletes(FileRecordingStore store, List<String> keys, int threads) throws Exception {
        progress("raw deletes of " + keys.size() + " objects");
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < keys.size(); i = next.getAndIncrement()) {
                        store.delete(ObjectKey.of(keys.get(i)), false);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double s = seconds(start);
        out("raw_objects=%d%nraw_seconds=%.1f%nraw_objects_per_s=%.0f", keys.size(), s, keys.size() / s);
        return keys.size() / s;
    }

    /** The purge's object part, to be compared with the raw deletes' rate once both ran. */
    private record Timing(long objects, double seconds) {
        void print(double rawRate) {
            out("object_part_vs_raw=%.3f", objects / seconds / rawRate);
        }
    }

    private static Timing purge(
            FileRecordingStore fileStore,
            LuceneRecordIndex lucene,
            RetentionProfile profile,
            Path dir,
            Clock clock,
            long records,
            int threads)
            throws Exception {
        progress("purge");
        TimedStore store = new TimedStore(fileStore);
        TimedIndex index = new TimedIndex(lucene);
        Purge purge = new Purge(
                store,
                index,
                profile,
                LegalHoldCheck.NONE,
                dir.resolve("purge-journal"),
                clock,
                List.of(),
                r -> {},
                threads);
        long start = System.nanoTime();
        PurgeReport report = purge.run(false);
        long end = System.nanoTime();
        long firstDelete = store.firstDeleteStart();
        long lastDelete = store.lastDeleteEnd();
        double total = (end - start) / 1e9;
        double plan = (firstDelete - start) / 1e9;
        double shrink = (end - lastDelete) / 1e9;
        double indexWhileDestroying = index.nanosBetween(firstDelete, lastDelete) / 1e9;
        double indexOnDeleteThreads = index.otherNanos() / 1e9;
        double objectPart = (lastDelete - firstDelete) / 1e9 - indexWhileDestroying;
        double indexPart = plan + shrink + indexWhileDestroying + indexOnDeleteThreads;
        long objects = store.deletes();
        out(
                "purge_destroyed=%d%npurge_kept=%d%npurge_by_class=%s",
                report.purgedTotal(), report.keptTotal(), report.purged());
        out("purge_seconds=%.1f%npurge_records_per_s=%.0f", total, records / total);
        out("purge_plan_seconds=%.1f%npurge_shrink_seconds=%.1f", plan, shrink);
        out(
                "purge_index_while_destroying_seconds=%.1f%npurge_index_on_delete_threads_seconds=%.1f",
                indexWhileDestroying, indexOnDeleteThreads);
        out("index_part_seconds=%.1f%nindex_part_records_per_s=%.0f", indexPart, records / indexPart);
        out(
                "object_part_seconds=%.1f%nobject_part_objects=%d%nobject_part_objects_per_s=%.0f"
                        + "%nobject_part_records_per_s=%.0f",
                objectPart, objects, objects / objectPart, records / objectPart);
        return new Timing(objects, objectPart);
    }

    private static void sync() throws IOException, InterruptedException {
        progress("sync");
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static void memory() throws IOException {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out("heap_used_mb=%d%nheap_max_mb=%d", heap.getUsed() >> 20, heap.getMax() >> 20);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                String[] f = line.split("\\s+");
                out("%s_mb=%d", f[0].replace(":", "").toLowerCase(Locale.ROOT), Long.parseLong(f[1]) >> 10);
            }
        }
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }

    private static void progress(String what) {
        System.err.printf(Locale.ROOT, "%s%n", what);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum() / 1e6;
        }
    }
}
