package org.callgate.web;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.callgate.core.health.Health;
import org.callgate.core.health.HealthCheck;

/**
 * {@code GET /health}: readiness over every registered {@link HealthCheck}. 200 with
 * {@code {"status":"up","components":{...}}} when all are up; 503 with {@code "status":"down"},
 * every component's state and the list of failing ones otherwise. The checks run on Armeria's
 * blocking executor, as a store head may wait on a disk or S3.
 */
final class HealthService implements HttpService {

    private final List<HealthCheck> checks;

    HealthService(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        return HttpResponse.of(CompletableFuture.supplyAsync(this::report, ctx.blockingTaskExecutor())
                .thenApply(report ->
                        Json.response((Integer) report.remove("code"), report).toHttpResponse()));
    }

    /** The report, with its HTTP code under {@code code} (removed before it is written). */
    Map<String, Object> report() {
        Map<String, Object> components = new LinkedHashMap<>();
        List<String> failing = new ArrayList<>();
        for (HealthCheck check : checks) {
            Health health = run(check);
            components.put(check.name(), component(health));
            if (!health.healthy()) {
                failing.add(check.name());
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("code", failing.isEmpty() ? 200 : 503);
        report.put("status", failing.isEmpty() ? "up" : "down");
        report.put("components", components);
        if (!failing.isEmpty()) {
            report.put("failing", failing);
        }
        return report;
    }

    private static Map<String, Object> component(Health health) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("status", health.healthy() ? "up" : "down");
        if (!health.reason().isEmpty()) {
            component.put("reason", health.reason());
        }
        return component;
    }

    private static Health run(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return Health.down("check failed: " + e.getClass().getSimpleName());
        }
    }
}
