package org.callgate.web;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.concurrent.CompletableFuture;

/**
 * An API handler with the whole request body; what it throws becomes the one JSON error shape.
 *
 * <p>{@link #service} runs it on Armeria's blocking-task executor: for handlers that may wait (a
 * password hash, the store, the audit log's fsync). {@link #inline} runs it on the connection's
 * event loop: for handlers that only compute over memory, such as a search of the memory-mapped
 * index or the session check. The hop to the executor and back wakes two more threads per request,
 * which on a small machine costs more CPU than the search itself and adds its wake-up delays to
 * every answer (docs/benchmarks.md, "The web API").
 */
@FunctionalInterface
interface Blocking {

    AggregatedHttpResponse handle(ServiceRequestContext ctx, AggregatedHttpRequest req) throws Exception;

    /** On the blocking-task executor: the handler may wait on a disk, a lock or a peer. */
    static HttpService service(Blocking handler) {
        return (ctx, req) -> HttpResponse.of(
                req.aggregate().thenApplyAsync(r -> answer(handler, ctx, r), ctx.blockingTaskExecutor()));
    }

    /** On the event loop: the handler only computes over memory and never waits. */
    static HttpService inline(Blocking handler) {
        return (ctx, req) -> {
            CompletableFuture<AggregatedHttpRequest> body = req.aggregate();
            return HttpResponse.of(body.thenApply(r -> answer(handler, ctx, r)));
        };
    }

    private static HttpResponse answer(Blocking handler, ServiceRequestContext ctx, AggregatedHttpRequest req) {
        try {
            return handler.handle(ctx, req).toHttpResponse();
        } catch (Exception e) {
            return JsonErrors.forException(ctx, e).toHttpResponse();
        }
    }
}
