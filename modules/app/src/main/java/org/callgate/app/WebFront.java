package org.callgate.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.WebConfig;
import org.callgate.audit.AuditLog;
import org.callgate.core.ServiceLine;
import org.callgate.core.access.LiveCallFeed;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.health.Health;
import org.callgate.core.health.HealthCheck;
import org.callgate.recording.CompletenessCheck;
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
 * users.json} beside the spool), the audit log and the dossiers, and the compliance routes over
 * the holds, the audit log and the reports (docs/api.md, docs/security.md).
 */
final class WebFront {

    /** A key no object has: its head is the cheapest round trip to the store. */
    private static final ObjectKey PROBE = ObjectKey.of("health/probe");

    private WebFront() {}

    static WebServer start(
            CallgateConfig callgate,
            Governance governance,
            Clock clock,
            RecordingStore store,
            Records records,
            SipGateway sip,
            Recordings recordings,
            LiveCallFeed liveCalls)
            throws StartupException {
        WebConfig config = callgate.web();
        Path usersFile = UserCommand.file(callgate.store());
        AuditLog audit = governance.audit();
        List<String> bankingServices = callgate.recording().bankingServices();
        Set<String> serviceLines =
                callgate.directory().lines().stream().map(ServiceLine::id).collect(Collectors.toSet());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CallgateMeters.bind(registry, sip, recordings, records, governance);
        WebSettings settings = new WebSettings(
                config.inetAddress(),
                config.port(),
                config.https().map(tls -> new WebSettings.Tls(tls.certificate(), tls.key())));
        CompletenessCheck completeness = new CompletenessCheck(
                store, AppliedProfile.of(callgate), callgate.store().spool(), Set.copyOf(bankingServices));
        UserStore users = new UserStore(usersFile, clock);
        try {
            return WebServer.builder(settings, registry)
                    .healthCheck(check("store", () -> storeHealth(store)))
                    .healthCheck(check("index", () -> indexHealth(records)))
                    .healthCheck(check("sip", () -> sip.running() ? Health.up() : Health.down("SIP stack stopped")))
                    .access(
                            WebAccess.accounts(users, new LoginThrottle(clock)),
                            WebAccess.auditTrail(audit),
                            WebAccess.dossiers(records.dossiers()),
                            clock)
                    .recordings(WebAccess.recordings(records.index()::search, store, Set.copyOf(bankingServices)))
                    .callbacks(WebCallbacks.over(sip, serviceLines))
                    .compliance(
                            ComplianceWeb.holds(governance.holds(), store, records.index()),
                            new AuditWeb(audit, store, clock),
                            ComplianceWeb.reports(
                                    store,
                                    completeness,
                                    audit.directory(),
                                    CoverageCounts.of(records.index()::search, callgate)))
                    .requests(governance.requests(records))
                    .liveCalls(liveCalls)
                    .dossierDesk(AgentWeb.dossierDesk(records.dossiers()))
                    .admin(AdminWeb.users(users, bankingServices), AdminWeb.configuration(callgate))
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
