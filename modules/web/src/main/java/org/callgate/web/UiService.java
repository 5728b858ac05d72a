package org.callgate.web;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.file.FileService;

/**
 * The browser UI: plain HTML, CSS and ES modules from the classpath ({@value #UI_ROOT}) at
 * {@code /}, and WebJars (uPlot) at {@value #WEBJARS}. No build step and no inline script: every
 * response carries a strict Content-Security-Policy ({@value #CSP}), {@code nosniff}, and no
 * framing. UI files are revalidated on every load ({@code no-cache}, with the ETag and
 * Last-Modified of {@link FileService}); WebJar paths hold the library version, so they are cached
 * for a year. The pages hold no data: everything personal comes from the API, behind the session
 * and audited there (R11).
 */
final class UiService {

    /** Where the UI files live on the classpath. */
    static final String UI_ROOT = "org/callgate/web/ui";

    /** Where WebJars are served; the classpath root is {@code META-INF/resources/webjars}. */
    static final String WEBJARS = "/webjars/";

    /**
     * Scripts and styles from this origin only; audio and waveforms may come from blob URLs made
     * by the player; the API is the only place pages connect to.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private UiService() {}

    /** Adds the UI at {@code /} and the WebJars at {@value #WEBJARS}; exact API routes win over both. */
    static void addTo(ServerBuilder server) {
        ClassLoader loader = UiService.class.getClassLoader();
        HttpService webjars = FileService.builder(loader, "META-INF/resources/webjars")
                .cacheControl("public, max-age=31536000, immutable")
                .build()
                .orElse(UiService::notFound);
        HttpService ui = FileService.builder(loader, UI_ROOT)
                .cacheControl("no-cache")
                .autoIndex(false)
                .build()
                .orElse(UiService::notFound);
        server.route()
                .pathPrefix(WEBJARS)
                .methods(HttpMethod.GET, HttpMethod.HEAD)
                .build(secured(webjars));
        server.route().pathPrefix("/").methods(HttpMethod.GET, HttpMethod.HEAD).build(secured(ui));
    }

    /** A file that is not there: the one JSON 404 of every other unknown path. */
    private static HttpResponse notFound(ServiceRequestContext ctx, HttpRequest req) {
        throw HttpStatusException.of(HttpStatus.NOT_FOUND);
    }

    private static HttpService secured(HttpService files) {
        return files.decorate((delegate, ctx, req) -> {
            ctx.mutateAdditionalResponseHeaders(headers -> headers.set("content-security-policy", CSP)
                    .set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                    .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
                    .set("referrer-policy", "no-referrer"));
            return delegate.serve(ctx, req);
        });
    }
}
