package org.callgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Items wait for a batch: the scheduled tasks are run by hand, so no test depends on timing. */
class LingeringQueueTest {

    private static final Duration LINGER = Duration.ofMillis(100);

    private final Deque<Runnable> scheduled = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<List<Integer>> batches = new ArrayList<>();
    private boolean shutDown;

    private final LingeringQueue<Integer> queue = new LingeringQueue<>(
            (task, delay) -> {
                if (shutDown) {
                    throw new RejectedExecutionException("shut down");
                }
                scheduled.add(task);
                delays.add(delay);
            },
            LINGER,
            3,
            batches::add);

    @Test
    void itemsAddedWhileABatchWaitsShareIt() {
        queue.add(1);
        queue.add(2);

        assertThat(scheduled).hasSize(1);
        assertThat(delays).containsExactly(LINGER);
        scheduled.poll().run();

        assertThat(batches).containsExactly(List.of(1, 2));
        assertThat(queue.size()).isZero();
    }

    @Test
    void anItemAddedOnceTheBatchStartedWaitsForTheNextOne() {
        queue.add(1);
        scheduled.poll().run();
        queue.add(2);

        assertThat(scheduled).hasSize(1);
        scheduled.poll().run();

        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void aBacklogLargerThanABatchIsSplitAndTheRestScheduledAtOnce() {
        for (int i = 1; i <= 7; i++) {
            queue.add(i);
        }
        scheduled.poll().run();

        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(delays).containsExactly(LINGER, Duration.ZERO);
        scheduled.poll().run();
        scheduled.poll().run();

        assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
        assertThat(scheduled).isEmpty();
    }

    @Test
    void onceTheSchedulerIsShutTheItemStaysQueuedAndTheRefusalIsThrown() {
        shutDown = true;

        assertThatThrownBy(() -> queue.add(1)).isInstanceOf(RejectedExecutionException.class);

        assertThat(queue.size()).isEqualTo(1);
        shutDown = false;
        queue.add(2); // a refused schedule does not leave the queue believing a batch waits
        scheduled.poll().run();
        assertThat(batches).containsExactly(List.of(1, 2));
    }

    @Test
    void aFlushTakesEverythingWaitingNowInBatchesOnTheCallingThread() {
        for (int i = 1; i <= 4; i++) {
            queue.add(i);
        }

        queue.flush();

        assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4));
        assertThat(queue.size()).isZero();
        scheduled.poll().run(); // the batch scheduled meanwhile finds nothing left
        assertThat(batches).hasSize(2);
    }
}
