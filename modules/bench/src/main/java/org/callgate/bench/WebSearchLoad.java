package org.callgate.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import io.netty.channel.EventLoop;
import java.net.URI;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link WebBench}'s search traffic: HTTP/1.1 requests (as a browser sends them over plain HTTP)
 * from Armeria's client on one event loop thread, which costs the client side little enough
 * that the latencies are callgate's and the kernel's, not the load generator's. The JDK's
 * {@code HttpClient} hands every answer from its selector thread to an executor, two thread
 * wake-ups per request on the harness's one CPU, and its 25–45 % of that CPU showed in the tail.
 *
 * <p>Closed loop: {@code clients} request chains, each sending its next query when the last is
 * answered. Open loop: requests leave on a fixed schedule whatever the answers do, each latency
 * counted from its intended send time (no coordinated omission).
 */
@SuppressForbidden("a benchmark measures elapsed time with System.nanoTime")
final class WebSearchLoad implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ClientFactory factory;
    private final WebClient client;
    private final String cookie;
    /** When set, each open-loop answer as "sent-at-µs latency-µs kind" lines (for looking at the tail). */
    StringBuffer trace;

    WebSearchLoad(URI base, String cookie) {
        this.factory = ClientFactory.builder().workerGroup(1).build();
        this.client = WebClient.builder("h1c://" + base.getAuthority())
                .factory(factory)
                .responseTimeout(TIMEOUT)
                .build();
        this.cookie = cookie;
    }

    /** A search's path, {@code /api/v1/dossiers?q=...}. */
    static String searchPath(String q) {
        return "/api/v1/dossiers?q=" + URLEncoder.encode(q, UTF_8);
    }

    private CompletableFuture<AggregatedHttpResponse> get(String path) {
        return client.execute(RequestHeaders.of(HttpMethod.GET, path, HttpHeaderNames.COOKIE, cookie))
                .aggregate();
    }

    /** {@code clients} chains share {@code count} queries of {@code mix}; returns when all are answered. */
    void closedLoop(WebQueries mix, int clients, int count, long seed, WebPhase out) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seed * 1000 + c);
            chain(() -> next.getAndIncrement() < count ? mix.next(random) : null, out, done);
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("closed loop: " + done.getCount() + " clients still waiting");
        }
    }

    /** As {@link #closedLoop}, for {@code duration} instead of a count: the warm-up of the JIT and caches. */
    void closedLoopFor(WebQueries mix, int clients, Duration duration, WebPhase out) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(7_000 + c);
            chain(() -> System.nanoTime() < end ? mix.next(random) : null, out, done);
        }
        done.await();
    }

    private void chain(Supplier<WebQueries.Query> queries, WebPhase out, CountDownLatch done) {
        WebQueries.Query q = queries.get();
        if (q == null) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        get(searchPath(q.text())).whenComplete((r, e) -> {
            long t1 = System.nanoTime();
            record(out, q, t1 - t0, r, e);
            chain(queries, out, done);
        });
    }

    /**
     * Sends {@code count} queries at {@code rate}/s on schedule, or as many requests for {@code
     * fixedPath} when it is not null ({@code out} gets each answer,
     * {@code lag} how late each left: the harness's own delay, counted in the latencies); returns
     * the seconds from the first intended send to the last answer.
     *
     * <p>The sends are timed by the client's own event loop (a timer task that sends whatever is
     * due and sleeps until the next), so one thread sends and receives: no hand-off between a
     * sending thread and the loop, whose wake-ups on a virtual machine cost milliseconds at the
     * tail.
     */
    double openLoop(
            Supplier<WebQueries.Query> queries, String fixedPath, int rate, int count, WebPhase out, WebLatencies lag)
            throws InterruptedException {
        List<WebQueries.Query> planned = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            planned.add(queries.get());
        }
        long interval = 1_000_000_000L / rate;
        CountDownLatch answered = new CountDownLatch(count);
        EventLoop loop = factory.eventLoopGroup().next();
        long start = System.nanoTime() + 50_000_000L;
        loop.execute(new Schedule(loop, planned, start, interval, fixedPath, out, lag, answered));
        if (!answered.await(count / rate + 60L, TimeUnit.SECONDS)) {
            System.out.println("search_open_unanswered=" + answered.getCount());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The open loop's timer task on the event loop: sends what is due, then sleeps until the next. */
    @SuppressForbidden("a benchmark measures elapsed time with System.nanoTime")
    private final class Schedule implements Runnable {

        private final EventLoop loop;
        private final List<WebQueries.Query> planned;
        private final long start;
        private final long interval;
        private final String fixedPath;
        private final WebPhase out;
        private final WebLatencies lag;
        private final CountDownLatch answered;
        private int next;

        Schedule(
                EventLoop loop,
                List<WebQueries.Query> planned,
                long start,
                long interval,
                String fixedPath,
                WebPhase out,
                WebLatencies lag,
                CountDownLatch answered) {
            this.loop = loop;
            this.planned = planned;
            this.start = start;
            this.interval = interval;
            this.fixedPath = fixedPath;
            this.out = out;
            this.lag = lag;
            this.answered = answered;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            for (; next < planned.size() && start + next * interval <= now; next++) {
                send(planned.get(next), start + next * interval);
                now = System.nanoTime();
            }
            if (next < planned.size()) {
                loop.schedule(this, start + next * interval - now, TimeUnit.NANOSECONDS);
            }
        }

        private void send(WebQueries.Query q, long intended) {
            lag.add(System.nanoTime() - intended, true);
            String path = fixedPath != null ? fixedPath : searchPath(q.text());
            get(path).whenComplete((r, e) -> {
                long latency = System.nanoTime() - intended;
                record(out, q, latency, r, e);
                StringBuffer lines = trace;
                if (lines != null) {
                    lines.append((intended - start) / 1000 + " " + latency / 1000 + " " + q.kind() + "\n");
                }
                answered.countDown();
            });
        }
    }

    private static void record(WebPhase out, WebQueries.Query q, long nanos, AggregatedHttpResponse r, Throwable e) {
        if (e == null && r.status().code() == 200) {
            out.add(q, nanos, r.contentUtf8(), r.headers().get("server-timing"));
        } else {
            out.all().error();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
