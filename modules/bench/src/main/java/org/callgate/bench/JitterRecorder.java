package org.callgate.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@link IvrLoad}'s jitter figures: every gap of every caller up to its key press, the gaps of the
 * plateau (all callers in their prompt: from 1 s after the ramp to the first key press), and per
 * second since the first INVITE the share of gaps at least 5 ms off, to tell set-up from steady
 * state. Written by the selector thread only.
 */
final class JitterRecorder {

    private static final long MS = 1_000_000L;

    private final long startNs;
    private final long plateauFromNs;
    private final long plateauToNs;
    private final JitterHistogram whole = new JitterHistogram();
    private final JitterHistogram plateau = new JitterHistogram();
    private final long[] perSecondPackets = new long[64];
    private final long[] perSecondLate = new long[64];

    JitterRecorder(long startNs, long rampNs, long firstKeyNs) {
        this.startNs = startNs;
        this.plateauFromNs = rampNs + 1000 * MS;
        this.plateauToNs = firstKeyNs;
    }

    /** One inter-arrival gap of one caller, ending at {@code nowNs}. */
    void gap(long nowNs, long gapNs) {
        if (gapNs > 100 * MS) {
            return; // a pause between prompts, not jitter
        }
        long us = Math.abs(gapNs - 20 * MS) / 1000;
        whole.add(us);
        long sinceStart = nowNs - startNs;
        if (sinceStart >= plateauFromNs && sinceStart < plateauToNs) {
            plateau.add(us);
        }
        int second = (int) Math.min(perSecondPackets.length - 1, sinceStart / (1000 * MS));
        perSecondPackets[second]++;
        if (us >= 5000) {
            perSecondLate[second]++;
        }
    }

    JitterHistogram whole() {
        return whole;
    }

    JitterHistogram plateau() {
        return plateau;
    }

    void print(PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "  jitter samples=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                whole.samples(),
                whole.percentileMillis(0.50),
                whole.percentileMillis(0.99),
                whole.maxMillis());
        out.printf(
                Locale.ROOT,
                "  plateau jitter samples=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                plateau.samples(),
                plateau.percentileMillis(0.50),
                plateau.percentileMillis(0.99),
                plateau.maxMillis());
        StringBuilder perSecond = new StringBuilder();
        for (int i = 0; i < perSecondPackets.length; i++) {
            if (perSecondPackets[i] > 0) {
                perSecond.append(
                        String.format(Locale.ROOT, " %ds:%.2f%%", i, 100.0 * perSecondLate[i] / perSecondPackets[i]));
            }
        }
        out.printf(Locale.ROOT, "  share of gaps >= 5 ms off, per second since the first INVITE:%s%n", perSecond);
    }
}
