package org.callgate.web;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.callgate.core.access.Accounts;
import org.callgate.core.access.AuditReader;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Callbacks;
import org.callgate.core.access.ComplianceReports;
import org.callgate.core.access.ConfigurationView;
import org.callgate.core.access.DossierDesk;
import org.callgate.core.access.DossierLookup;
import org.callgate.core.access.HoldDesk;
import org.callgate.core.access.LiveCallFeed;
import org.callgate.core.access.RecordingAccess;
import org.callgate.core.access.RequestRegister;
import org.callgate.core.access.UserAdmin;
import org.callgate.core.health.HealthCheck;

/**
 * The HTTP server: the JSON API under {@value #API_PREFIX}, {@code /health} and {@code /metrics}.
 *
 * <p>It knows callgate only through core SPIs ({@link HealthCheck}) and what the wiring hands it:
 * the meter registry, API route groups ({@link ApiRoutes}) and decorators of the API (where
 * authentication plugs in). Every error is the one JSON shape of {@link ApiError} ({@link
 * JsonErrors}).
 */
public final class WebServer implements AutoCloseable {

    /** The prefix of every API path; a new major version gets a new prefix. */
    public static final String API_PREFIX = "/api/v1";

    /** The OpenAPI 3 document of the API. */
    public static final String OPENAPI_PATH = API_PREFIX + "/openapi.json";

    private final Server server;
    private final JvmGcMetrics gcMetrics;

    private WebServer(Server server, JvmGcMetrics gcMetrics) {
        this.server = server;
        this.gcMetrics = gcMetrics;
    }

    public static Builder builder(WebSettings settings, PrometheusMeterRegistry registry) {
        return new Builder(settings, registry);
    }

    /** Binds the port and serves; returns once it listens. */
    public WebServer start() {
        server.start().join();
        return this;
    }

    /** The bound port: the configured one, or the one picked for port 0. */
    public int port() {
        return server.activeLocalPort();
    }

    /** The base URL clients use, such as {@code http://127.0.0.1:8080}. */
    public String url() {
        boolean https = server.activePorts().values().stream().anyMatch(p -> p.hasHttps());
        InetSocketAddress bound =
                server.activePorts().values().iterator().next().localAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (https ? "https://" : "http://") + host + ":" + bound.getPort();
    }

    /**
     * The paths served, path parameters written as in OpenAPI ({@code /dossiers/{number}}), for the
     * check against the OpenAPI document.
     */
    List<String> exactPaths() {
        return server.serviceConfigs().stream()
                .map(config -> config.route().patternString())
                .map(path -> path.replaceAll("/:([A-Za-z0-9_]+)", "/{$1}"))
                .filter(path -> path.startsWith("/") && !path.contains("*"))
                .distinct()
                .sorted()
                .toList();
    }

    /** Stops accepting, finishes what is in flight, and releases the port. */
    @Override
    public void close() {
        server.stop().join();
        gcMetrics.close();
    }

    /** What the server serves, gathered before it is built. */
    public static final class Builder {

        private final WebSettings settings;
        private final PrometheusMeterRegistry registry;
        private final List<HealthCheck> checks = new ArrayList<>();
        private final List<ApiRoutes> routes = new ArrayList<>();
        private final List<Function<? super HttpService, ? extends HttpService>> apiDecorators = new ArrayList<>();
        private AccessControl accessControl;
        private AuditTrail auditTrail;
        private DossierLookup dossierLookup;
        private Clock clock;
        private Sessions sessions;

        private Builder(WebSettings settings, PrometheusMeterRegistry registry) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** A component {@code /health} reports on. */
        public Builder healthCheck(HealthCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** A group of API routes under {@value #API_PREFIX}. */
        public Builder routes(ApiRoutes group) {
            routes.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * A decorator of every service under {@value #API_PREFIX}, such as authentication; the
         * first added is the outermost. {@code /health} and {@code /metrics} are not decorated.
         */
        public Builder apiDecorator(Function<? super HttpService, ? extends HttpService> decorator) {
            apiDecorators.add(Objects.requireNonNull(decorator, "decorator"));
            return this;
        }

        /** As {@link #apiDecorator(Function)}, for a decorating function. */
        public Builder apiDecorator(DecoratingHttpServiceFunction decorator) {
            Objects.requireNonNull(decorator, "decorator");
            return apiDecorator(service -> service.decorate(decorator));
        }

        /**
         * The API of users: sessions ({@code /session}), the authentication, CSRF and capability
         * checks of every API route, and the dossier routes, over the core SPIs; time (session
         * timeouts) from {@code clock}. The access check is the outermost API decorator.
         */
        public Builder access(Accounts accounts, AuditTrail audit, DossierLookup dossiers, Clock clock) {
            Sessions sessions = new Sessions(clock);
            AccessControl access = new AccessControl(sessions);
            apiDecorators.add(0, service -> service.decorate(access.decorator()));
            routes.add(new SessionRoutes(accounts, sessions, audit, access));
            routes.add(new DossierRoutes(dossiers, audit, access));
            this.accessControl = access;
            this.auditTrail = audit;
            this.dossierLookup = dossiers;
            this.clock = clock;
            this.sessions = sessions;
            return this;
        }

        /**
         * The recording routes ({@code /recordings}) over the core SPI; needs {@link #access} too,
         * whose audit trail gets every recording read.
         */
        public Builder recordings(RecordingAccess recordings) {
            routes.add(new RecordingRoutes(
                    Objects.requireNonNull(recordings, "recordings"), auditTrail, accessed("recordings")));
            return this;
        }

        /**
         * The callback route ({@code POST /callbacks}, R5) over the core SPI; needs {@link #access}
         * first, whose audit trail gets every callback asked for.
         */
        public Builder callbacks(Callbacks callbacks) {
            routes.add(new CallbackRoutes(callbacks, auditTrail, accessed("callbacks")));
            return this;
        }

        /**
         * The agents' live call panel ({@code /calls/live}, R15) over the core feed; needs {@link
         * #access} too.
         */
        public Builder liveCalls(LiveCallFeed feed) {
            return liveCalls(feed, LiveCallRoutes.HEARTBEAT);
        }

        /**
         * The compliance routes ({@code /holds}, {@code /audit}, {@code /reports/...}) over the core
         * SPIs (R8, R11, R19); needs {@link #access} first, whose audit trail gets every hold placed
         * or released and every read of the audit log or a report.
         */
        public Builder compliance(HoldDesk holds, AuditReader auditLog, ComplianceReports reports) {
            AccessControl access = accessed("compliance");
            routes.add(new HoldRoutes(holds, auditTrail, access));
            routes.add(new AuditRoutes(auditLog, auditTrail, access));
            routes.add(new ReportRoutes(reports, auditTrail, access, clock));
            return this;
        }

        /**
         * The dossier writes and caller checks ({@code POST /dossiers}, {@code PUT
         * /dossiers/{number}}, {@code POST /dossiers/{number}/checks}; R2, R17) over the core SPI;
         * needs {@link #access} too.
         */
        public Builder dossierDesk(DossierDesk desk) {
            routes.add(new DossierWriteRoutes(
                    Objects.requireNonNull(desk, "desk"),
                    dossierLookup,
                    auditTrail,
                    accessed("dossier writes"),
                    clock));
            return this;
        }

        /**
         * The admins' routes ({@code /users}, {@code /configuration}) over the core SPIs; needs
         * {@link #access} too.
         */
        public Builder admin(UserAdmin users, ConfigurationView configuration) {
            routes.add(new AdminRoutes(
                    Objects.requireNonNull(users, "users"),
                    Objects.requireNonNull(configuration, "configuration"),
                    auditTrail,
                    accessed("admin routes"),
                    sessions::closeAll));
            return this;
        }

        /** As {@link #liveCalls(LiveCallFeed)}, with another heartbeat interval (tests). */
        Builder liveCalls(LiveCallFeed feed, java.time.Duration every) {
            routes.add(new LiveCallRoutes(
                    Objects.requireNonNull(feed, "feed"),
                    auditTrail,
                    accessed("live calls"),
                    Objects.requireNonNull(every, "every")));
            return this;
        }

        /**
         * The data-subject request routes ({@code /requests}, R12, R20, R22) over the core SPI; needs
         * {@link #access} first. The register audits each step; listing is audited here.
         */
        public Builder requests(RequestRegister requests) {
            routes.add(new RequestRoutes(
                    Objects.requireNonNull(requests, "requests"), auditTrail, accessed("requests"), clock));
            return this;
        }

        /** The access check every route group but the sessions' sits behind; {@link #access} comes first. */
        private AccessControl accessed(String what) {
            if (accessControl == null) {
                throw new IllegalStateException(what + " need access(...) first");
            }
            return accessControl;
        }

        /** Builds the server, not yet started; binds the JVM metrics to the registry. */
        public WebServer build() {
            ServerBuilder sb = com.linecorp.armeria.server.Server.builder();
            InetSocketAddress address = new InetSocketAddress(settings.address(), settings.port());
            settings.tls()
                    .ifPresentOrElse(
                            tls -> sb.https(address)
                                    .tls(tls.certificate().toFile(), tls.key().toFile()),
                            () -> sb.http(address));
            sb.errorHandler(new JsonErrors());
            sb.meterRegistry(registry);
            sb.decorator(MetricCollectingService.newDecorator(MeterIdPrefixFunction.ofDefault("http.server")));
            sb.route().get("/health").build(new HealthService(checks));
            sb.route().get("/metrics").build(new MetricsService(registry));
            sb.route().get(OPENAPI_PATH).build(openApi());
            routes.forEach(group -> group.addTo(sb, API_PREFIX));
            UiService.addTo(sb); // the browser UI at / (exact API routes win)
            for (int i = apiDecorators.size() - 1; i >= 0; i--) {
                sb.decoratorUnder(API_PREFIX, apiDecorators.get(i));
            }
            sb.decoratorUnder(API_PREFIX, new ServerTiming()); // outermost: the checks are timed too
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(registry);
            return new WebServer(sb.build(), gc);
        }

        private static HttpService openApi() {
            byte[] document;
            try (InputStream in = WebServer.class.getResourceAsStream("openapi.json")) {
                document = Objects.requireNonNull(in, "openapi.json missing from the jar")
                        .readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return (ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, document);
        }
    }
}
