package org.callgate.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
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
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(cluster.urls().getFirst().resolve(path))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
}
