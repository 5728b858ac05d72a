package org.callgate.web;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.Locale;

/**
 * Adds a W3C {@code Server-Timing} header ({@code app;dur=0.412}, milliseconds) to every API
 * answer: the time from the request's headers being decoded to the answer's headers, measured on
 * the monotonic clock. A browser's developer tools show it beside the network time, and a load
 * generator can tell callgate's part of a latency from the network's and the machine's (the
 * scheduling of threads that wait for a CPU). The header says how long, never what was done. An
 * answer that fails after its handler returned (rare: a broken store mid-answer) goes to the
 * error handler without it.
 */
final class ServerTiming implements DecoratingHttpServiceFunction {

    static final String HEADER = "server-timing";

    @Override
    @SuppressForbidden("an elapsed time on the monotonic clock, as Armeria's request log keeps it; not a time of day")
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        long start = ctx.log().partial().requestStartTimeNanos();
        HttpResponse response;
        try {
            response = delegate.serve(ctx, req);
        } catch (Exception e) { // a check refused: the error's one JSON shape, timed as well
            response = JsonErrors.forException(ctx, e).toHttpResponse();
        }
        return response.mapHeaders(headers -> headers.toBuilder()
                .set(HEADER, format(System.nanoTime() - start))
                .build());
    }

    static String format(long nanos) {
        return String.format(Locale.ROOT, "app;dur=%.3f", nanos / 1e6);
    }
}
