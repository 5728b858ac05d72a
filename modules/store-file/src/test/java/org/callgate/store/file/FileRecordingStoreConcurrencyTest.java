package org.callgate.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callgate.store.file.StoreFixture.START;
import static org.callgate.store.file.StoreFixture.unlocked;
import static org.callgate.store.file.StoreFixture.utf8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads of several calls at once: every distinct key is stored, and a key is written once. */
class FileRecordingStoreConcurrencyTest {

    @TempDir
    Path root;

    private FileRecordingStore store;

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(root, new TestClock(START));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void tenThreadsPuttingDistinctKeysAllSucceed() throws Exception {
        List<String> outcomes = atOnce(10, i -> () -> {
            store.put(ObjectKey.of("recordings/2026/11/25/call-" + i + ".wav"), utf8("call " + i), unlocked());
            return "stored";
        });

        assertThat(outcomes).hasSize(10).containsOnly("stored");
        assertThat(store.list("recordings/")).hasSize(10);
        for (int i = 0; i < 10; i++) {
            ObjectKey key = ObjectKey.of("recordings/2026/11/25/call-" + i + ".wav");
            try (var in = store.get(key)) {
                assertThat(in.readAllBytes()).isEqualTo(utf8("call " + i));
            }
        }
    }

    @RepeatedTest(10)
    void twoThreadsPuttingTheSameKeyLeaveExactlyOneWinner() throws Exception {
        ObjectKey key = ObjectKey.of("recordings/same.wav");

        List<String> outcomes = atOnce(2, i -> () -> {
            try {
                store.put(key, utf8("writer " + i), unlocked());
                return "writer " + i;
            } catch (ObjectExistsException lost) {
                return "refused";
            }
        });

        assertThat(outcomes).containsOnlyOnce("refused").hasSize(2);
        String winner =
                outcomes.stream().filter(o -> !o.equals("refused")).findFirst().orElseThrow();
        try (var in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(utf8(winner));
        }
        assertThat(root.resolve("tmp")).isEmptyDirectory();
    }

    private static List<String> atOnce(int threads, IntFunction<Callable<String>> task)
            throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                Callable<String> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }
}
