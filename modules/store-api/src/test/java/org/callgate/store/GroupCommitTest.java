package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Thread> callers = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aCallerAloneRunsItsOwnFlush() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        GroupCommit commit = new GroupCommit("a test", runs::incrementAndGet);

        assertThat(commit.await()).isZero();
        assertThat(commit.await()).isZero();

        assertThat(runs).hasValue(2);
        assertThat(commit.flushes()).isEqualTo(2);
    }

    @Test
    void callersWhoAskWhileAFlushRunsShareTheNextOneAndNoneReturnsBeforeIt() throws Exception {
        Gate gate = new Gate();
        GroupCommit commit = new GroupCommit("a test", gate::flush);
        CompletableFuture<Long> first = call(commit);
        gate.firstStarted.await();

        List<CompletableFuture<Long>> later = List.of(call(commit), call(commit), call(commit));
        awaitWaiting(4);
        assertThat(later).noneMatch(CompletableFuture::isDone);

        gate.releaseFirst.countDown();
        assertThat(first.join()).isZero();
        assertThat(later).allSatisfy(f -> assertThat(f.join()).isZero());
        assertThat(gate.runs).hasValue(2); // the first, then one for the three who asked meanwhile
    }

    @Test
    void aFailedFlushFailsEveryCallerItCoveredAndNoneRunsItAgain() throws Exception {
        Gate gate = new Gate();
        gate.failSecond = true;
        GroupCommit commit = new GroupCommit("a test", gate::flush);
        CompletableFuture<Long> first = call(commit);
        gate.firstStarted.await();
        List<CompletableFuture<Long>> later = List.of(call(commit), call(commit));
        awaitWaiting(3);

        gate.releaseFirst.countDown();

        assertThat(first.join()).isZero();
        for (CompletableFuture<Long> f : later) {
            assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("write-back error");
        }
        assertThat(gate.runs).hasValue(2);
        assertThat(commit.failures()).isEqualTo(1);
    }

    @Test
    void aLaterCallerLearnsHowManyFlushesFailedBeforeItsOwn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        GroupCommit commit = new GroupCommit("a test", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IOException("write-back error");
            }
        });

        assertThatThrownBy(commit::await).isInstanceOf(IOException.class).hasMessage("write-back error");
        assertThat(commit.await()).isEqualTo(1);
    }

    @Test
    void anUncheckedFailureOfTheFlushReachesTheCallerAsAnIoException() {
        GroupCommit commit = new GroupCommit("a test", () -> {
            throw new IllegalStateException("descriptor closed");
        });

        assertThatThrownBy(commit::await)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the flush of a test failed")
                .hasMessageContaining("descriptor closed");
        assertThat(commit.failures()).isEqualTo(1);
    }

    @Test
    void manyThreadsAskingManyTimesAllReturnWithFewerFlushesThanCalls() {
        AtomicInteger runs = new AtomicInteger();
        GroupCommit commit = new GroupCommit("a test", runs::incrementAndGet);
        List<CompletableFuture<Long>> all = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            all.add(call(commit));
        }
        all.forEach(CompletableFuture::join);

        assertThat(runs.get()).isBetween(1, 800);
        assertThat(commit.flushes()).isEqualTo(runs.get());
    }

    private CompletableFuture<Long> call(GroupCommit commit) {
        return CompletableFuture.supplyAsync(
                () -> {
                    synchronized (callers) {
                        callers.add(Thread.currentThread());
                    }
                    try {
                        return commit.await();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                threads);
    }

    /** Waits until {@code count} callers are parked: the first in its flush, the rest on the commit. */
    private void awaitWaiting(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (callers) {
                return callers.stream()
                                .filter(t -> t.getState() == Thread.State.WAITING)
                                .count()
                        == count;
            }
        });
    }

    /** A flush whose first run waits to be released, and whose second run may fail. */
    private static final class Gate {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean failSecond;

        void flush() throws IOException {
            int run = runs.incrementAndGet();
            if (run == 1) {
                firstStarted.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (run == 2 && failSecond) {
                throw new IOException("write-back error");
            }
        }
    }
}
