package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The static UI: served at /, with its security and caching headers, and no inline script. */
class UiServiceTest {

    private static final List<String> PAGES = List.of("index.html", "agent.html", "compliance.html", "admin.html");
    private static final List<String> SCRIPTS = List.of(
            "api.js",
            "dom.js",
            "i18n.js",
            "shell.js",
            "login.js",
            "agent.js",
            "live.js",
            "compliance.js",
            "player.js",
            "waveform.js",
            "dashboard.js",
            "requests.js",
            "admin.js");
    private static WebServer server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        server = WebServer.builder(WebSettings.loopback(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .build()
                .start();
        client = new WebClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRootShouldServeTheLoginPageWithAStrictPolicyNosniffAndRevalidation() {
        HttpResponse<String> page = client.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"login-form\"");
        assertThat(page.headers().firstValue("content-security-policy")).hasValue(UiService.CSP);
        assertThat(UiService.CSP).contains("script-src 'self';").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/agent.html", "/compliance.html", "/admin.html", "/js/agent.js", "/css/app.css", "/i18n/fr.json"
            })
    void everyUiFileShouldBeServedWithTheSecurityHeaders(String path) {
        HttpResponse<String> file = client.get(path);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-security-policy")).hasValue(UiService.CSP);
        assertThat(file.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("etag").or(() -> file.headers().firstValue("last-modified")))
                .isPresent();
    }

    @Test
    void scriptsShouldBeServedAsJavaScriptForModuleLoading() {
        assertThat(client.get("/js/api.js").headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    @Test
    void theUplotWebJarShouldBeServedVersionedAndCachedForAYear() {
        HttpResponse<String> lib = client.get("/webjars/uplot/1.6.30/dist/uPlot.esm.js");

        assertThat(lib.statusCode()).isEqualTo(200);
        assertThat(lib.body()).contains("export");
        assertThat(lib.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(lib.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    }

    @Test
    void aMissingFileShouldGiveTheJson404AndTheApiShouldStillBeServed() throws Exception {
        HttpResponse<String> missing = client.get("/nowhere.js");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(WebClient.json(missing).get("type").asText()).isEqualTo("NotFound");
        assertThat(client.get(WebServer.OPENAPI_PATH).headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void noPageShouldCarryInlineScriptInlineStylesOrEventHandlerAttributes() throws IOException {
        for (String page : PAGES) {
            String html = resource(page);
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
            assertThat(html).as(page).doesNotContainPattern("\\son[a-z]+\\s*=");
            assertThat(html).as(page).doesNotContainPattern("\\sstyle\\s*=");
        }
    }

    @Test
    void noScriptShouldInsertHtml() throws IOException {
        for (String script : SCRIPTS) {
            assertThat(resource("js/" + script))
                    .as(script)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        }
    }

    @Test
    void everyLabelKeyUsedShouldBeInEveryLanguageAndTheLanguagesShouldHaveTheSameKeys() throws IOException {
        Set<String> english = keys("en");
        assertThat(keys("nl")).isEqualTo(english);
        assertThat(keys("fr")).isEqualTo(english);
        Set<String> used = new TreeSet<>();
        Pattern attribute = Pattern.compile("data-i18n(?:-aria|-placeholder)?=\"([^\"]+)\"");
        Pattern call = Pattern.compile("\\bt\\('([a-z]+\\.[A-Za-z.]+)'");
        List<String> sources = new ArrayList<>();
        for (String page : PAGES) {
            sources.add(resource(page));
        }
        for (String script : SCRIPTS) {
            sources.add(resource("js/" + script));
        }
        for (String source : sources) {
            for (Pattern pattern : List.of(attribute, call)) {
                Matcher m = pattern.matcher(source);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(english).containsAll(used);
    }

    private static Set<String> keys(String language) throws IOException {
        JsonNode dictionary = Json.MAPPER.readTree(resource("i18n/" + language + ".json"));
        Set<String> keys = new TreeSet<>();
        dictionary.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UiService.class.getClassLoader().getResourceAsStream(UiService.UI_ROOT + "/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
