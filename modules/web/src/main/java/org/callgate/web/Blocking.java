package org.callgate.web;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * An API handler that may block (a password hash, the index, the store, the audit log): it runs on
 * Armeria's blocking-task executor with the whole request body, and what it throws becomes the one
 * JSON error shape.
 */
@FunctionalInterface
interface Blocking {

    AggregatedHttpResponse handle(ServiceRequestContext ctx, AggregatedHttpRequest req) throws Exception;

    static HttpService service(Blocking handler) {
        return (ctx, req) -> HttpResponse.of(req.aggregate()
                .thenApplyAsync(
                        aggregated -> {
                            try {
                                return handler.handle(ctx, aggregated).toHttpResponse();
                            } catch (Exception e) {
                                return JsonErrors.forException(ctx, e).toHttpResponse();
                            }
                        },
                        ctx.blockingTaskExecutor()));
    }
}
