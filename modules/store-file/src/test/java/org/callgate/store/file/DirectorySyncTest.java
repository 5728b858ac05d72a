package org.callgate.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySyncTest {

    @TempDir
    Path dir;

    @Test
    void callersWhoAskWhileAnFsyncRunsShareTheNextOneAndNoneReturnsBeforeIt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger fsyncs = new AtomicInteger();
        DirectorySync sync = new DirectorySync(path -> {
            if (fsyncs.incrementAndGet() == 1) {
                firstStarted.countDown();
                awaitQuietly(releaseFirst);
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<Void> first = run(threads, sync);
            firstStarted.await();
            List<Thread> waiters = new ArrayList<>();
            List<CompletableFuture<Void>> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                later.add(CompletableFuture.runAsync(
                        () -> {
                            synchronized (waiters) {
                                waiters.add(Thread.currentThread());
                            }
                            force(sync);
                        },
                        threads));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingCount(waiters) == 3);
            assertThat(later).noneMatch(CompletableFuture::isDone);

            releaseFirst.countDown();
            CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).join();
            first.join();

            assertThat(fsyncs).hasValue(2); // the first, then one for the three who asked meanwhile
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedFsyncIsEveryCoveredCallersFailureAndTheNextCallerTriesAgain() throws Exception {
        DirectorySync sync = new DirectorySync();
        Path missing = dir.resolve("day");

        assertThatThrownBy(() -> sync.force(missing)).isInstanceOf(NoSuchFileException.class);

        Files.createDirectory(missing);
        sync.force(missing);
        sync.force(dir);
    }

    @Test
    void manyThreadsForcingManyTimesAllReturn() throws Exception {
        AtomicInteger fsyncs = new AtomicInteger();
        DirectorySync sync = new DirectorySync(path -> fsyncs.incrementAndGet());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                all.add(run(threads, sync));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

            assertThat(fsyncs.get()).isBetween(1, 800);
        } finally {
            threads.shutdownNow();
        }
    }

    private CompletableFuture<Void> run(ExecutorService threads, DirectorySync sync) {
        return CompletableFuture.runAsync(() -> force(sync), threads);
    }

    private void force(DirectorySync sync) {
        try {
            sync.force(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long waitingCount(List<Thread> threads) {
        synchronized (threads) {
            return threads.stream()
                    .filter(t -> t.getState() == Thread.State.WAITING)
                    .count();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
