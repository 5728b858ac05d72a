package org.callgate.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.index.RecordIndexContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index contract on a real OpenSearch cluster ({@link OpenSearchServer}), and what only a
 * shared index must do: two callgate nodes writing into one index see each other's records, and
 * neither can put an older dossier over a newer one.
 */
@ExtendWith(OpenSearchServer.class)
class OpenSearchRecordIndexTest extends RecordIndexContract {

    private static OpenSearchServer.Cluster cluster;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void cluster(OpenSearchServer.Cluster running) {
        cluster = running;
    }

    private static ClusterSettings settings(String name) {
        return ClusterSettings.of(cluster.urls()).withIndex("contract-" + name).withReplicas(0);
    }

    @Override
    protected RecordIndex open(String name) {
        return OpenSearchRecordIndex.open(settings(name));
    }

    @Override
    protected void drop(String name) {
        String status = send("DELETE", "/contract-" + name).statusCode() + "";
        assertThat(status).as("index dropped after the test").isIn("200", "404");
    }

    private static HttpResponse<String> send(String method, String path) {
        return send(method, path, null);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(cluster.urls().getFirst().resolve(path))
                            .header("Content-Type", "application/json")
                            .method(
                                    method,
                                    json == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRecordWrittenThroughOneNodeIsFoundThroughTheOther() {
        try (OpenSearchRecordIndex other =
                OpenSearchRecordIndex.open(settings("arecordwrittenthroughonenodeisfoundthroughtheother"))) {
            index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null));
            index.commit();
            other.refresh();

            assertThat(other.search(SearchQuery.of("peters")).hits())
                    .extracting(SearchHit::id)
                    .containsExactly("D2026-000001");
        }
    }

    @Test
    void anOlderVersionOfADossierWrittenLateNeverReplacesTheNewerOne() {
        Dossier first = dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null);
        Dossier second = first.linking("call-9", first.updated().plusSeconds(60));
        try (OpenSearchRecordIndex other =
                OpenSearchRecordIndex.open(settings("anolderversionofadossierwrittenlateneverreplacesthenewerone"))) {
            index.put(second);
            index.commit();
            other.put(first);
            other.commit();
        }
        index.refresh();

        assertThat(index.dossierVersion("D2026-000001")).contains(2);
        assertThat(index.count(RecordKind.DOSSIER)).isEqualTo(1);
        assertThat(ids(SearchQuery.all().withCallId("call-9"))).containsExactly("D2026-000001");
    }

    @Test
    void theFullIbanIsSearchableButNotInTheStoredDocument() {
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", "BE71 0961 2345 6769"));
        index.refresh();

        String stored = send(
                        "GET", "/contract-thefullibanissearchablebutnotinthestoreddocument/_doc/DOSSIER:D2026-000001")
                .body();

        assertThat(stored).contains("BE** **** **** 6769").doesNotContain("BE71096123456769");
        assertThat(ids(SearchQuery.of("BE71 0961 2345 6769"))).containsExactly("D2026-000001");
    }

    @Test
    void anIndexThatIsNotCallgatesIsRefusedWithItsName() {
        send("PUT", "/contract-someone-elses-index");
        try {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                            () -> OpenSearchRecordIndex.open(settings("someone-elses-index"))))
                    .hasMessageContaining("contract-someone-elses-index")
                    .hasMessageContaining("callgate_schema");
        } finally {
            send("DELETE", "/contract-someone-elses-index");
        }
    }

    @Test
    void openingTheIndexTwiceKeepsWhatIsInIt() {
        index.put(dossier("D2026-000001", "Peeters", "Jan", "02 278 50 44", null));
        index.commit();

        try (OpenSearchRecordIndex again =
                OpenSearchRecordIndex.open(settings("openingtheindextwicekeepswhatisinit"))) {
            again.refresh();
            assertThat(again.count(RecordKind.DOSSIER)).isEqualTo(1);
        }
        index.refresh();
        assertThat(index.count(RecordKind.DOSSIER))
                .as("closing the other client leaves the index")
                .isEqualTo(1);
    }

    @Test
    void writesTheClusterRefusesForNowAreKeptAndSentWhenItTakesThemAgain() {
        String settings = "/contract-writestheclusterrefusesfornowarekeptandsentwhenittakesthemagain/_settings";
        RecordRetention year = new RecordRetention("trace", Instant.parse("2027-12-07T00:00:00Z"), false);
        index.put(trace("call-1", "0475 12 34 56", Instant.parse("2026-12-07T09:00:00Z"), List.of(), year));
        index.commit();
        assertThat(send("PUT", settings, "{\"index.blocks.write\": true}").statusCode())
                .isEqualTo(200);

        index.put(trace("call-2", "0475 12 34 56", Instant.parse("2026-12-07T09:01:00Z"), List.of(), year));
        index.delete(RecordKind.TRACE, "call-1");

        assertThatThrownBy(index::commit)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("kept to send again");
        assertThat(send("PUT", settings, "{\"index.blocks.write\": false}").statusCode())
                .isEqualTo(200);
        index.commit();
        index.refresh();

        assertThat(ids(SearchQuery.all())).containsExactly("call-2");
    }

    @Test
    void aBulkLoadStopsThePeriodicRefreshAndSetsItBackAfterwards() {
        String settings = "/contract-abulkloadstopstheperiodicrefreshandsetsitbackafterwards/_settings";

        index.appendOnly(true);
        for (int i = 0; i < 50; i++) {
            index.put(dossier("D2026-%06d".formatted(i + 1), "Peeters", "Jan", "0475 00 00 %02d".formatted(i), null));
        }
        String during = send("GET", settings).body();
        index.appendOnly(false);
        index.refresh();

        assertThat(during).contains("\"refresh_interval\":\"-1\"");
        assertThat(send("GET", settings).body()).contains("\"refresh_interval\":\"1s\"");
        assertThat(index.count(RecordKind.DOSSIER)).isEqualTo(50);
    }
}
