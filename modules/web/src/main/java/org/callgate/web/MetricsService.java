package org.callgate.web;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format (version 0.0.4), which every
 * Prometheus server scrapes.
 */
final class MetricsService implements HttpService {

    static final MediaType PROMETHEUS_TEXT = MediaType.parse("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;

    MetricsService(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        return HttpResponse.of(HttpStatus.OK, PROMETHEUS_TEXT, registry.scrape());
    }
}
