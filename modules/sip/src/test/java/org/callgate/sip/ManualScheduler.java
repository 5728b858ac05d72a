package org.callgate.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time moves only when the test says so ({@link #advance}), like Netty's
 * {@code EmbeddedChannel.advanceTimeBy}: due tasks then run on the test's thread, in order, so
 * timer races are replayed exactly and no test sleeps.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    /** Lets {@code time} pass: runs every task that falls due, earliest first. */
    void advance(Duration time) {
        now += time.toMillis();
        List<Task> due = tasks.stream()
                .filter(task -> task.at <= now)
                .sorted(Comparator.comparingLong(task -> task.at))
                .toList();
        tasks.removeAll(due);
        for (Task task : due) {
            if (!task.cancelled) {
                task.done = true;
                task.action.run();
            }
        }
    }

    /** Tasks still to run. */
    long pending() {
        return tasks.stream().filter(task -> !task.cancelled).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, now + unit.toMillis(delay));
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the B2BUA schedules Runnables");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("the B2BUA has no periodic tasks");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the B2BUA has no periodic tasks");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {
        tasks.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> left = tasks.stream().map(task -> task.action).toList();
        tasks.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return tasks.isEmpty();
    }

    private final class Task implements ScheduledFuture<Object> {
        private final Runnable action;
        private final long at;
        private boolean cancelled;
        private boolean done;

        Task(Runnable action, long at) {
            this.action = action;
            this.at = at;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - now, TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
