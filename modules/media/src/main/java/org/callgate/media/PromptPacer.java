package org.callgate.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one clock of an event loop's prompt players. Every {@value #SLOT_MICROS} µs it ticks the
 * players of one of {@value #SLOTS} slots, so each player still sends a frame every 20 ms (RFC 3551
 * §4.5), at a phase fixed when it starts, while the loop wakes 500 times a second in all instead
 * of 50 times a second per player. With hundreds of callers in prompts those per-player wake-ups
 * (a timer re-arm, an epoll return and a thread wake-up each) were most of the loop's work, and
 * every wake-up was a chance to be scheduled late on a busy machine.
 *
 * <p>The tick runs at a fixed rate: a late tick is followed at once by the ones it delayed, so
 * lateness never accumulates into drift. Event loop only; the timer stops while no player is
 * active.
 */
final class PromptPacer {

    static final int SLOTS = 10;
    static final long SLOT_MICROS = PromptPlayer.FRAME_MILLIS * 1000 / SLOTS;

    private static final FastThreadLocal<PromptPacer> OF_LOOP = new FastThreadLocal<>();
    private static final Paced[] NONE = new Paced[0];

    /** What the pacer ticks: a {@link PromptPlayer}, sending one frame per tick. */
    interface Paced {
        void tick();
    }

    private final EventLoop loop;
    private final List<List<Paced>> slots = new ArrayList<>(SLOTS);
    private int next;
    private int active;
    private ScheduledFuture<?> ticks;

    private PromptPacer(EventLoop loop) {
        this.loop = loop;
        for (int i = 0; i < SLOTS; i++) {
            slots.add(new ArrayList<>());
        }
    }

    /** The pacer of {@code loop}, made on first use. On that loop's thread only. */
    static PromptPacer of(EventLoop loop) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("prompt pacing is confined to its event loop");
        }
        PromptPacer pacer = OF_LOOP.get();
        if (pacer == null || pacer.loop != loop) {
            pacer = new PromptPacer(loop);
            OF_LOOP.set(pacer);
        }
        return pacer;
    }

    /** Ticks {@code player} every 20 ms from the next slot on (its first frame within 2 ms). */
    void add(Paced player) {
        if (active == 0) {
            next = 0;
            ticks = loop.scheduleAtFixedRate(this::tick, 0, SLOT_MICROS, TimeUnit.MICROSECONDS);
        }
        slots.get(next).add(player);
        active++;
    }

    /** Stops ticking {@code player}; harmless if it is not ticking. */
    void remove(Paced player) {
        for (List<Paced> slot : slots) {
            if (slot.remove(player)) {
                if (--active == 0) {
                    ticks.cancel(false);
                    ticks = null;
                }
                return;
            }
        }
    }

    /** Players ticking now, for tests. */
    int active() {
        return active;
    }

    private void tick() {
        List<Paced> slot = slots.get(next);
        next = (next + 1) % SLOTS;
        // A player may finish, and leave its slot, while the slot is being ticked.
        for (Paced player : slot.toArray(NONE)) {
            player.tick();
        }
    }
}
