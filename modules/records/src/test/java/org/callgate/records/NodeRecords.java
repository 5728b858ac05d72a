package org.callgate.records;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.callgate.core.dossier.Dossier;
import org.callgate.index.LuceneRecordIndex;
import org.callgate.store.RecordingStore;
import org.callgate.store.TestProfiles;

/**
 * One node's records on a store that other nodes share: its own index, journal and writer, and
 * the agents' {@link Dossiers} over them. The store belongs to the test.
 */
final class NodeRecords implements AutoCloseable {

    final LuceneRecordIndex index;
    final RecordWriter writer;
    final Dossiers dossiers;

    NodeRecords(RecordingStore store, Path dir) throws Exception {
        this(store, dir, Clock.fixed(RecordsFixture.NOW, ZoneOffset.UTC), Dossiers.STORED_WITHIN);
    }

    /** @param storedWithin how long a write that lost a version's claim waits for the winner's version */
    NodeRecords(RecordingStore store, Path dir, Clock clock, Duration storedWithin) throws Exception {
        this.index = LuceneRecordIndex.open(dir.resolve("index"));
        this.writer = new RecordWriter(store, index, TestProfiles.DEFAULT, dir.resolve("journal"));
        this.dossiers = new Dossiers(writer, store, TestProfiles.DEFAULT, clock, null, storedWithin);
    }

    /**
     * Indexes {@code dossier} as stored by another node, as a shared index would show it: each
     * node's own Lucene index holds only what the node wrote or read back.
     */
    void sees(Dossier dossier) throws Exception {
        writer.indexFromStore(RecordKeys.dossier(dossier.number(), dossier.version()));
        index.refresh();
    }

    Dossier create() throws Exception {
        return create("parcels");
    }

    Dossier create(String service) throws Exception {
        return dossiers.create(
                service, new DossierDetails("Dubois", "Marie", List.of("0475 12 34 56"), null, null, ""));
    }

    /**
     * Creates {@code each} dossiers on each of {@code threads} threads of every node, all started
     * together (a barrier, not a delay); returns every number handed out.
     */
    static List<String> createConcurrently(List<NodeRecords> nodes, int threads, int each) throws Exception {
        int all = nodes.size() * threads;
        CyclicBarrier start = new CyclicBarrier(all);
        List<Future<List<String>>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(all)) {
            for (NodeRecords node : nodes) {
                for (int t = 0; t < threads; t++) {
                    running.add(pool.submit(() -> {
                        start.await();
                        List<String> numbers = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            numbers.add(node.create().number());
                        }
                        return numbers;
                    }));
                }
            }
            List<String> numbers = new ArrayList<>();
            for (Future<List<String>> thread : running) {
                numbers.addAll(thread.get());
            }
            return numbers;
        }
    }

    /** {@code D2026-000001} to {@code D2026-001000}. */
    static List<String> numbers(int year, int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(n -> DossierNumbers.format(year, n))
                .toList();
    }

    @Override
    public void close() throws Exception {
        writer.close();
        index.close();
    }
}
