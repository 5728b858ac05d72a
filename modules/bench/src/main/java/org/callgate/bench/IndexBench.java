package org.callgate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.callgate.app.config.RetentionFiles;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.records.SyntheticData;

/**
 * The index benchmark ({@code scripts/bench-index}): builds an index of N dossiers and M call
 * traces from {@link SyntheticData}, then measures look-up latency by phone number, dossier number
 * and fuzzy name, the time to delete the records past retain-until, and the index's size. The
 * index is the Lucene index in a directory or the records index on an OpenSearch cluster ({@link
 * BenchIndex}); both are driven through {@link RecordIndex} alone and report the same keys.
 *
 * <p>Indexing runs on {@code threads} threads, each generating its share of records and putting
 * them into the index; the throughput includes the generation. First all records are loaded as a
 * rebuild loads them ({@link RecordIndex#appendOnly}, which the cluster ignores), then a tenth of
 * the dossiers are put again as live writes do (an update by id into the full index). Each phase
 * ends with {@link RecordIndex#commit()}: on Lucene a commit, on OpenSearch once the cluster took
 * every bulk write. Look-ups run on one thread against the committed, refreshed index, after a
 * warm-up of the same size, each query a fresh random one; a name query is a dossier's surname,
 * with one letter left out in one query of two.
 *
 * <p>Usage: {@code IndexBench DOSSIERS TRACES THREADS QUERIES lucene DIR} or {@code IndexBench
 * DOSSIERS TRACES THREADS QUERIES opensearch URL[,URL...] INDEX REPLICAS}; prints {@code
 * key=value} lines.
 */
@SuppressForbidden("a benchmark measures wall-clock time and prints its results")
public final class IndexBench {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    private static final long REPORT_EVERY = 1_000_000;

    private IndexBench() {}

    public static void main(String[] args) throws Exception {
        int dossiers = Integer.parseInt(args[0]);
        long traces = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        int queries = Integer.parseInt(args[3]);
        SyntheticData data = new SyntheticData(2026, NOW, RetentionFiles.load(Path.of("config/retention"), "default"));

        try (BenchIndex bench = BenchIndex.open(List.of(args).subList(4, args.length))) {
            bench.describe().forEach(System.out::println);
            System.out.printf(Locale.ROOT, "dossiers=%d%ntraces=%d%nthreads=%d%n", dossiers, traces, threads);
            RecordIndex index = bench.index();
            index.appendOnly(true);
            long start = System.nanoTime();
            parallel(threads, dossiers, i -> index.put(data.dossier((int) i)));
            parallel(threads, traces, j -> index.put(data.trace(j, dossiers)));
            double indexSeconds = seconds(start);
            long commitStart = System.nanoTime();
            index.commit();
            double commitSeconds = seconds(commitStart);
            index.appendOnly(false);
            long records = dossiers + traces;
            System.out.printf(
                    Locale.ROOT,
                    "load_seconds=%.1f%nload_commit_seconds=%.1f%nload_records_per_s=%.0f%n",
                    indexSeconds,
                    commitSeconds,
                    records / (indexSeconds + commitSeconds));
            int updates = Math.max(1, dossiers / 10);
            start = System.nanoTime();
            parallel(threads, updates, i -> index.put(data.dossier((int) i)));
            index.commit();
            double updateSeconds = seconds(start);
            long refreshStart = System.nanoTime();
            index.refresh();
            double refreshSeconds = seconds(refreshStart);
            System.out.printf(
                    Locale.ROOT,
                    "update_records=%d%nupdate_seconds=%.1f%nupdate_records_per_s=%.0f%nrefresh_seconds=%.2f%n",
                    updates,
                    updateSeconds,
                    updates / updateSeconds,
                    refreshSeconds);
            System.out.printf(
                    Locale.ROOT, "index_docs=%d%n", index.count(RecordKind.DOSSIER) + index.count(RecordKind.TRACE));
            printSize("index_size", bench.size());

            SplittableRandom random = new SplittableRandom(99);
            lookups(index, "phone", queries, () -> SearchQuery.all().withPhone(data.mobile(random.nextInt(dossiers))));
            lookups(
                    index,
                    "dossier_number",
                    queries,
                    () -> SearchQuery.all()
                            .withDossier(data.dossier(random.nextInt(dossiers)).number()));
            lookups(
                    index,
                    "fuzzy_name",
                    queries,
                    () -> SearchQuery.all()
                            .withName(typo(data.dossier(random.nextInt(dossiers)), random))
                            .only(RecordKind.DOSSIER));

            purge(index);
            printSize("index_size_after_purge", bench.size());
        }
    }

    /** {@code NAME_mb} (one copy: the Lucene index, the cluster's primaries) and {@code NAME_all_copies_mb}. */
    private static void printSize(String name, BenchIndex.Size size) {
        System.out.printf(
                Locale.ROOT, "%s_mb=%.1f%n%s_all_copies_mb=%.1f%n", name, size.primaryMb(), name, size.allCopiesMb());
    }

    /** Deletes what is expired 10 % of a year after NOW: the traces of the year's first 10 %, about a million in ten. */
    private static void purge(RecordIndex index) {
        Instant at = NOW.plus(Duration.ofHours(876));
        long expired = index.countExpired(at);
        long start = System.nanoTime();
        long deleted = index.deleteExpired(at);
        double deleteSeconds = seconds(start);
        long commitStart = System.nanoTime();
        index.commit();
        double commitSeconds = seconds(commitStart);
        System.out.printf(
                Locale.ROOT,
                "purge_at=%s%npurge_expired=%d%npurge_deleted=%d%npurge_delete_seconds=%.2f%n"
                        + "purge_commit_seconds=%.2f%npurge_seconds=%.2f%npurge_left_expired=%d%n",
                at,
                expired,
                deleted,
                deleteSeconds,
                commitSeconds,
                deleteSeconds + commitSeconds,
                index.countExpired(at));
    }

    /** The dossier's surname without its particle, with one letter (not the first) left out in one case of two. */
    private static String typo(Dossier dossier, SplittableRandom random) {
        String[] words = dossier.name().split("[ '-]");
        String name = words[words.length - 1];
        if (random.nextBoolean() || name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 1);
        return name.substring(0, at) + name.substring(at + 1);
    }

    private static void lookups(RecordIndex index, String name, int count, Supplier<SearchQuery> next) {
        long hits = 0;
        for (int i = 0; i < count; i++) { // warm-up
            hits += index.search(next.get()).hits().size();
        }
        long[] nanos = new long[count];
        long empty = 0;
        for (int i = 0; i < count; i++) {
            SearchQuery query = next.get();
            long start = System.nanoTime();
            int found = index.search(query).hits().size();
            nanos[i] = System.nanoTime() - start;
            empty += found == 0 ? 1 : 0;
            hits += found;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "lookup_%s_p50_ms=%.3f%nlookup_%s_p99_ms=%.3f%nlookup_%s_max_ms=%.3f%n" + "lookup_%s_without_hit=%d%n",
                name,
                nanos[count / 2] / 1e6,
                name,
                nanos[(int) (count * 0.99)] / 1e6,
                name,
                nanos[count - 1] / 1e6,
                name,
                empty);
        if (hits < 0) {
            throw new IllegalStateException("unreachable: keeps the searches from being optimised away");
        }
    }

    private static void parallel(int threads, long count, LongTask task) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.run(i);
                        if (done.incrementAndGet() % REPORT_EVERY == 0) {
                            System.err.printf(
                                    Locale.ROOT,
                                    "indexed %d of %d (%.0f/s)%n",
                                    done.get(),
                                    count,
                                    done.get() / seconds(start));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @FunctionalInterface
    private interface LongTask {
        void run(long i) throws Exception;
    }
}
