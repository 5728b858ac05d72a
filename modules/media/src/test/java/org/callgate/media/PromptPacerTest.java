package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event loop's one prompt clock, on Netty's embedded loop with frozen, hand-advanced time. */
class PromptPacerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final EventLoop loop = channel.eventLoop();
    private long nowMicros;

    PromptPacerTest() {
        channel.freezeTime();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void eachPlayerIsTickedEveryTwentyMillisecondsAtThePhaseItJoined() {
        PromptPacer pacer = PromptPacer.of(loop);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        pacer.add(first);
        channel.runScheduledPendingTasks();
        runFor(6_000);
        pacer.add(second);
        runFor(200_000);

        assertThat(first.ticks).startsWith(0L, 20_000L, 40_000L).hasSize(11);
        assertThat(second.ticks.getFirst()).as("within one slot of joining").isBetween(6_000L, 8_000L);
        assertThat(gaps(second.ticks)).containsOnly(20_000L);
        assertThat(gaps(first.ticks)).containsOnly(20_000L);
    }

    @Test
    void aPlayerLeavingDuringItsTickLeavesTheOthersOfItsSlotTicking() {
        PromptPacer pacer = PromptPacer.of(loop);
        Recorder stays = new Recorder();
        Recorder leaves = new Recorder() {
            @Override
            public void tick() {
                super.tick();
                pacer.remove(this);
            }
        };
        pacer.add(leaves);
        pacer.add(stays);
        channel.runScheduledPendingTasks();
        runFor(60_000);

        assertThat(leaves.ticks).containsExactly(0L);
        assertThat(stays.ticks).containsExactly(0L, 20_000L, 40_000L, 60_000L);
        assertThat(pacer.active()).isOne();
    }

    @Test
    void withNoPlayerLeftTheLoopHasNoTimerUntilTheNextOneJoins() {
        PromptPacer pacer = PromptPacer.of(loop);
        Recorder player = new Recorder();
        pacer.add(player);
        runFor(10_000);

        pacer.remove(player);
        pacer.remove(player);

        assertThat(pacer.active()).isZero();
        assertThat(channel.runScheduledPendingTasks())
                .as("no scheduled task left")
                .isEqualTo(-1);
        pacer.add(player);
        assertThat(channel.runScheduledPendingTasks())
                .isEqualTo(TimeUnit.MICROSECONDS.toNanos(PromptPacer.SLOT_MICROS));
    }

    @Test
    void eachLoopHasItsOwnPacer() {
        EmbeddedChannel other = new EmbeddedChannel();
        try {
            assertThat(PromptPacer.of(loop))
                    .isSameAs(PromptPacer.of(loop))
                    .isNotSameAs(PromptPacer.of(other.eventLoop()));
        } finally {
            other.finishAndReleaseAll();
        }
    }

    private void runFor(long micros) {
        for (long end = nowMicros + micros; nowMicros < end; ) {
            channel.advanceTimeBy(1_000, TimeUnit.MICROSECONDS);
            nowMicros += 1_000;
            channel.runScheduledPendingTasks();
        }
    }

    private static List<Long> gaps(List<Long> ticks) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < ticks.size(); i++) {
            gaps.add(ticks.get(i) - ticks.get(i - 1));
        }
        return gaps;
    }

    private class Recorder implements PromptPacer.Paced {
        final List<Long> ticks = new ArrayList<>();

        @Override
        public void tick() {
            ticks.add(nowMicros);
        }
    }
}
