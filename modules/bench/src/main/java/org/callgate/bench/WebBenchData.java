package org.callgate.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.app.config.RetentionFiles;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.records.SyntheticData;

/**
 * {@code scripts/bench-web --fill index}: puts the dossiers {@code callgate generate-data} would
 * write ({@link SyntheticData}, same seed and day) straight into the gateway's Lucene index, as
 * {@link IndexBench} loads it, without the file store. {@code generate-data} writes and syncs two
 * files per dossier into the store (about 75 dossiers/s on this machine: hours for a million);
 * the search the benchmark times reads the index only, so the index filled here answers it as
 * one filled through the store does. The gateway started on it afterwards finds no journal to
 * replay and serves it as it is.
 *
 * <p>Usage: {@code WebBenchData INDEX_DIR DOSSIERS SEED NOW THREADS}; prints {@code key=value}.
 */
@SuppressForbidden("a benchmark's data loader times itself and prints what it did")
public final class WebBenchData {

    private WebBenchData() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int dossiers = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Instant now = Instant.parse(args[3]);
        int threads = Integer.parseInt(args[4]);
        SyntheticData data = new SyntheticData(seed, now, RetentionFiles.load(Path.of("config/retention"), "default"));
        long start = System.nanoTime();
        try (LuceneRecordIndex index = LuceneRecordIndex.open(dir, 256)) {
            index.appendOnly(true);
            AtomicInteger next = new AtomicInteger();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < dossiers; i = next.getAndIncrement()) {
                            index.put(data.dossier(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            index.appendOnly(false);
            index.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "fill=index%nfill_dossiers=%d%nfill_seconds=%.1f%nfill_dossiers_per_s=%.0f%n",
                dossiers,
                seconds,
                dossiers / seconds);
    }
}
