package org.callgate.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.callgate.app.config.WebConfig;
import org.callgate.audit.AuditLog;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.health.Health;
import org.callgate.core.health.HealthCheck;
import org.callgate.sip.SipGateway;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.users.LoginThrottle;
import org.callgate.users.UserStore;
import org.callgate.web.WebServer;
import org.callgate.web.WebSettings;

/**
 * The web server as callgate runs it: the metrics registry with callgate's gauges, the health
 * checks of the store, the index and SIP, and the API's access over the user file ({@code
 * users.json} beside the spool), the audit log and the dossiers (docs/api.md, docs/security.md).
 */
final class WebFront {

    /** A key no object has: its head is the cheapest round trip to the store. */
    private static final ObjectKey PROBE = ObjectKey.of("health/probe");

    private WebFront() {}

    static WebServer start(
            WebConfig config,
            Path usersFile,
            AuditLog audit,
            Clock clock,
            RecordingStore store,
            Records records,
            SipGateway sip,
            Recordings recordings,
            List<String> bankingServices,
            Set<String> serviceLines)
            throws StartupException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gauge(registry, "callgate.calls.active", "calls being routed now", sip::activeCalls);
        gauge(
                registry,
                "callgate.recordings.pending.upload",
                "ended recordings not yet in the store",
                recordings::pendingUploads);
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
        WebSettings settings = new WebSettings(
                config.inetAddress(),
                config.port(),
                config.https().map(tls -> new WebSettings.Tls(tls.certificate(), tls.key())));
        try {
            return WebServer.builder(settings, registry)
                    .healthCheck(check("store", () -> storeHealth(store)))
                    .healthCheck(check("index", () -> indexHealth(records)))
                    .healthCheck(check("sip", () -> sip.running() ? Health.up() : Health.down("SIP stack stopped")))
                    .access(
                            WebAccess.accounts(new UserStore(usersFile, clock), new LoginThrottle(clock)),
                            WebAccess.auditTrail(audit),
                            WebAccess.dossiers(records.dossiers()),
                            clock)
                    .recordings(WebAccess.recordings(records.index()::search, store, Set.copyOf(bankingServices)))
                    .callbacks(WebCallbacks.over(sip, serviceLines))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            throw new StartupException(
                    "cannot start the web server on " + config.address() + ":" + config.port()
                            + " (web.address, web.port): "
                            + Optional.ofNullable(e.getCause()).orElse(e).getMessage(),
                    e);
        }
    }

    private static void gauge(
            PrometheusMeterRegistry registry, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    private static Health storeHealth(RecordingStore store) {
        try {
            store.head(PROBE);
            return Health.up();
        } catch (Exception e) {
            return Health.down("store does not answer: " + e.getClass().getSimpleName());
        }
    }

    private static Health indexHealth(Records records) {
        try {
            records.index().count(RecordKind.DOSSIER);
            return Health.up();
        } catch (RuntimeException e) {
            return Health.down("index cannot be searched: " + e.getClass().getSimpleName());
        }
    }

    private static HealthCheck check(String name, Supplier<Health> check) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return check.get();
            }
        };
    }
}
