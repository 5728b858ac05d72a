package org.callgate.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.callgate.audit.AuditEntry;
import org.callgate.audit.AuditLog;
import org.callgate.core.dossier.RecordKind;
import org.callgate.sip.SipGateway;

/**
 * callgate's own meters on {@code /metrics} (docs/api.md): calls, the set-up counter whose rate is
 * the set-up rate, recordings waiting for the store (R8), the index, the purge (R1-R16) and the
 * audit chain's head (R11). Counters are monotonic since start-up, as Prometheus expects: {@code
 * rate(callgate_calls_setup_total[1m])} is the set-up rate.
 */
final class CallgateMeters {

    private CallgateMeters() {}

    static void bind(
            MeterRegistry registry, SipGateway sip, Recordings recordings, Records records, Governance governance) {
        gauge(registry, "callgate.calls.active", "calls being routed now", sip::activeCalls);
        counter(registry, "callgate.calls.setup", "calls admitted since start-up", sip, SipGateway::callsSetUp);
        gauge(
                registry,
                "callgate.sip.draining",
                "1 while the node drains: new calls and OPTIONS get 503 (ADR 0017), else 0",
                () -> sip.draining() ? 1 : 0);
        gauge(
                registry,
                "callgate.recordings.pending.upload",
                "ended recordings not yet in the store",
                recordings::pendingUploads);
        counter(
                registry,
                "callgate.recordings.stored",
                "recordings stored, verified and indexed since start-up",
                recordings,
                Recordings::storedSinceStart);
        gauge(
                registry,
                "callgate.recorder.failures",
                "calls whose recorder could not start since start-up (R8)",
                sip::recorderFailures);
        gauge(
                registry,
                "callgate.index.dossiers",
                "dossiers in the index",
                () -> records.index().count(RecordKind.DOSSIER));
        gauge(
                registry,
                "callgate.index.size.bytes",
                "the index's files on this node's disk (0 for an index on a search cluster)",
                records::indexSizeOnDisk);
        FunctionCounter.builder("callgate.purge.records", governance, g -> (double) g.purgedSinceStart())
                .description("records the purge destroyed since start-up")
                .tag("outcome", "purged")
                .register(registry);
        FunctionCounter.builder("callgate.purge.records", governance, g -> (double) g.keptSinceStart())
                .description("records due but kept (locked, held, unclassified) by the purge since start-up")
                .tag("outcome", "kept")
                .register(registry);
        RequestDesk requests = governance.requests();
        Gauge.builder("callgate.requests", () -> requests.overdue().size())
                .description("open data-subject requests past their due date (R20)")
                .tag("deadline", "overdue")
                .register(registry);
        Gauge.builder("callgate.requests", () -> requests.dueSoon().size())
                .description("open data-subject requests due within a week (R20)")
                .tag("deadline", "due-soon")
                .register(registry);
        AuditLog audit = governance.audit();
        gauge(
                registry,
                "callgate.audit.chain.head",
                "sequence number of the newest audit log entry",
                () -> audit.head().map(AuditEntry::seq).orElse(0L));
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    private static <T> void counter(
            MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, source, count).description(description).register(registry);
    }
}
