package org.callgate.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link IvrLoad}'s report of one step: calls, routing, jitter, RTP counts, CPU and memory. */
final class IvrLoadReport {

    /** CPU ticks of callgate and of the harness, over {@code wallNs}; callgate's RSS at the end. */
    record Usage(long cpuTicks, long selfTicks, long wallNs, long rssKb) {}

    private IvrLoadReport() {}

    /** Prints the step's figures and its markdown row. */
    static void print(
            PrintWriter out,
            Map<String, String> args,
            List<IvrCaller> callers,
            long keyAfterNs,
            int agentInvites,
            JitterRecorder jitter,
            Usage usage) {
        long cpuTicks = usage.cpuTicks();
        long selfTicks = usage.selfTicks();
        long wallNs = usage.wallNs();
        long rssKb = usage.rssKb();
        int calls = callers.size();
        int clkTck = Integer.parseInt(args.getOrDefault("clk-tck", "100"));
        String expectPath = args.getOrDefault("expect-path", "1");
        String expectUser = args.getOrDefault("expect-user", "bench-one");
        int answered = 0;
        int routed = 0;
        int wrongPath = 0;
        int notRouted = 0;
        int failed = 0;
        int byeOk = 0;
        long received = 0;
        double expected = 0;
        double minRatio = Double.MAX_VALUE;
        long otherPayload = 0;
        long afterDtmf = 0;
        for (IvrCaller c : callers) {
            if (c.failed) {
                failed++;
            }
            if (c.okNs == 0) {
                continue;
            }
            answered++;
            if (c.byeAnswered) {
                byeOk++;
            }
            if (c.agentPath == null) {
                notRouted++;
            } else if (c.agentPath.equals(expectPath) && c.agentUser.equals(expectUser)) {
                routed++;
            } else {
                wrongPath++;
            }
            long end = c.dtmfSentNs != 0 ? c.dtmfSentNs : c.okNs + keyAfterNs;
            double exp = (end - c.okNs) / (20.0 * 1_000_000);
            expected += exp;
            received += c.packets;
            minRatio = Math.min(minRatio, c.packets / Math.max(1.0, exp));
            otherPayload += c.otherPayload;
            afterDtmf += c.afterDtmf;
        }
        double p99 = jitter.whole().percentileMillis(0.99);
        double meanRecv = answered == 0 ? 0 : (double) received / answered;
        double meanExp = answered == 0 ? 0 : expected / answered;
        double cpu = wallNs == 0 ? 0 : 100.0 * cpuTicks / clkTck / (wallNs / 1e9);
        double selfCpu = wallNs == 0 ? 0 : 100.0 * selfTicks / clkTck / (wallNs / 1e9);
        String label = args.getOrDefault("label", "");
        out.printf(
                Locale.ROOT,
                "IvrLoad %s N=%d answered=%d failed=%d routed-ok=%d wrong-path=%d not-routed=%d"
                        + " agent-invites=%d bye-200=%d%n",
                label,
                calls,
                answered,
                failed,
                routed,
                wrongPath,
                notRouted,
                agentInvites,
                byeOk);
        jitter.print(out);
        out.printf(
                Locale.ROOT,
                "  rtp per caller before key: mean %.1f of %.1f expected, worst caller %.1f%%;"
                        + " non-PCMA %d; after key %d%n",
                meanRecv,
                meanExp,
                minRatio == Double.MAX_VALUE ? 0 : 100 * minRatio,
                otherPayload,
                afterDtmf);
        out.printf(
                Locale.ROOT,
                "  callgate cpu=%.1f%% of one core over %.1f s, rss=%d MB; harness cpu=%.1f%%%n",
                cpu,
                wallNs / 1e9,
                rssKb / 1024,
                selfCpu);
        out.printf(
                Locale.ROOT,
                "| %d | %d | %d/%d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f / %.1f (worst %.0f%%) | %.0f | %d | %.0f |%n",
                calls,
                answered,
                routed,
                calls,
                jitter.plateau().percentileMillis(0.50),
                jitter.plateau().percentileMillis(0.99),
                jitter.plateau().maxMillis(),
                p99,
                jitter.whole().maxMillis(),
                meanRecv,
                meanExp,
                minRatio == Double.MAX_VALUE ? 0 : 100 * minRatio,
                cpu,
                rssKb / 1024,
                selfCpu);
    }
}
