package org.callgate.records;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.core.Backoff;
import org.callgate.core.LingeringQueue;
import org.callgate.core.PhoneNumber;
import org.callgate.core.call.CallObserver;
import org.callgate.core.call.CallSummary;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.TraceRecording;
import org.callgate.core.ivr.IvrTrace;
import org.callgate.core.ivr.SurveyResult;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trace of every call that reached the IVR's end or an agent queue (R1: the number, the
 * service, the time, the IVR path, the SMS offer of R9, the dossier the IVR identified the caller
 * with, when the agent answered and the recording decision of product rule 4), kept 1 year from the
 * call, and the answers of its post-call survey as a record of their own (R10, 3 years).
 * It runs off the signalling threads: a call's end queues its trace; {@value #BATCH_WINDOW_MS} ms
 * after the first one a writer thread takes all that has queued up ({@link LingeringQueue}), up to
 * {@value #MAX_BATCH}, stores and indexes it as a batch (one journal fsync and one store object a
 * day), and retries a batch with back-off while the store is unavailable.
 *
 * <p>The SIP layer tells it of every ended call through the core {@link CallObserver} SPI, so a
 * call's trace goes from {@code sip} straight to this module and on into the store and the index.
 */
public final class CallTraceWriter implements CallObserver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallTraceWriter.class);
    private static final Backoff RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    private final RecordWriter writer;
    private final RetentionProfile profile;
    /** Threads for writing and retrying: a batch retried while the store is down blocks no other. */
    static final int WRITERS = 4;

    private final ScheduledExecutorService writers = Executors.newScheduledThreadPool(
            WRITERS, Thread.ofPlatform().name("callgate-traces-", 1).daemon().factory());
    private final AtomicInteger pending = new AtomicInteger();
    /** Traces written with one journal fsync and one store object (per day) at most. */
    static final int MAX_BATCH = 200;
    /**
     * How long the first trace of a batch waits for others: at 300 calls a second a batch of ~30
     * traces then costs the store one write instead of thirty (docs/benchmarks.md).
     */
    static final long BATCH_WINDOW_MS = 100;

    private final LingeringQueue<CallSummary> queue = new LingeringQueue<>(
            (task, delay) -> writers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
            Duration.ofMillis(BATCH_WINDOW_MS),
            MAX_BATCH,
            batch -> write(batch, 0));

    public CallTraceWriter(RecordWriter writer, RetentionProfile profile) {
        this.writer = writer;
        this.profile = profile;
    }

    @Override
    public void callEnded(CallSummary summary) {
        if (summary.route() == null && !summary.wasAnswered() && summary.recording() == null) {
            return; // refused, or hung up before the IVR chose or an agent was called: no call was continued (R1)
        }
        pending.incrementAndGet();
        try {
            queue.add(summary);
        } catch (RejectedExecutionException closing) {
            LOG.warn("call {}: trace not written, callgate is stopping", summary.callId());
        }
    }

    /**
     * Stores the batch's traces, then each survey (R10): a retry after a failure puts the traces
     * again with the same bytes, which the store counts as already stored.
     */
    private void write(List<CallSummary> batch, int failures) {
        try {
            writer.writeAll(List.of(), batch.stream().map(this::trace).toList());
            for (CallSummary call : batch) {
                if (call.survey() != null) {
                    writer.write(survey(call));
                }
            }
            pending.addAndGet(-batch.size());
        } catch (StoreException | IOException | RuntimeException e) {
            long delay = RETRY.after(failures + 1).toSeconds();
            LOG.warn("{} call traces not written, retrying in {} s: {}", batch.size(), delay, e.toString());
            try {
                writers.schedule(() -> write(batch, failures + 1), delay, TimeUnit.SECONDS);
            } catch (RejectedExecutionException closing) {
                LOG.warn("{} call traces not written, callgate is stopping", batch.size());
            }
        }
    }

    CallTrace trace(CallSummary summary) {
        PhoneNumber caller = PhoneNumber.tryParse(summary.caller()).orElse(null);
        String dossier = summary.route() == null ? null : summary.route().dossier();
        IvrTrace ivr = summary.ivrTrace();
        Instant at = summary.started();
        return new CallTrace(
                summary.callId(),
                caller,
                summary.serviceLine(),
                summary.service(),
                at,
                List.of(),
                "",
                summary.route() == null ? "" : summary.route().ivrPath(),
                ivr != null && ivr.smsOffered(),
                ivr != null && ivr.smsTaken(),
                dossier,
                new RecordRetention(
                        "trace",
                        profile.retentionOfCall("trace", at, summary.ended()).retainUntil(),
                        false),
                summary.answered(),
                TraceRecording.of(summary.recording()));
    }

    /** The call's survey answers, kept 3 years from the call (R10), as the profile dates them. */
    SurveyRecord survey(CallSummary summary) {
        Instant until = profile.retentionOfCall(SurveyResult.RETENTION_CLASS, summary.started(), summary.ended())
                .retainUntil();
        return SurveyRecord.of(summary, until);
    }

    /** Traces handed over and not yet written. */
    public int pending() {
        return pending.get();
    }

    /** Writes what is queued (not what waits for a retry), then stops. */
    @Override
    public void close() {
        writers.execute(queue::flush); // what the window gathered, without waiting for it
        writers.shutdown();
        try {
            if (!writers.awaitTermination(5, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending.get() > 0) {
            LOG.warn("{} call traces not written at shutdown (store unavailable)", pending.get());
        }
    }
}
