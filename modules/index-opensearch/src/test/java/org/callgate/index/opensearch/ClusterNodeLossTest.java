package org.callgate.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A search node lost while callgate indexes (DESIGN §7): the writes it had not taken are sent again
 * to the nodes left, none is lost, and agents' searches keep answering meanwhile.
 */
@ExtendWith(OpenSearchServer.class)
@OpenSearchServer.Nodes(3)
class ClusterNodeLossTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final RecordRetention YEAR = new RecordRetention("trace", T0.plusSeconds(365 * 86400L), false);
    private static final int ROUNDS = 4;
    private static final int PER_ROUND = 500;
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(6);

    @Test
    void aNodeKilledWhileTracesAreIndexedLosesNoneAndSearchesKeepAnswering(OpenSearchServer.Cluster cluster)
            throws InterruptedException {
        ClusterSettings settings =
                ClusterSettings.of(cluster.urls()).withIndex("node-loss").withReplicas(1);
        List<Throwable> failedSearches = new CopyOnWriteArrayList<>();
        AtomicInteger searchesAfterKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        try (OpenSearchRecordIndex writer = OpenSearchRecordIndex.open(settings);
                OpenSearchRecordIndex agent = OpenSearchRecordIndex.open(settings)) {
            // as in service: the replica is in sync before a node is lost. Killed while the replica
            // still recovers, the shard has no copy to promote, and writes wait for the dead node.
            awaitGreen(cluster, settings.index());
            Thread searches = Thread.ofPlatform().name("agent-searches").start(() -> {
                while (!done.get()) {
                    try {
                        agent.search(SearchQuery.of("0475 12 34 56"));
                        if (killed.get()) {
                            searchesAfterKill.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failedSearches.add(e);
                    }
                }
            });
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PER_ROUND; i++) {
                    writer.put(trace("call-" + round + "-" + i));
                }
                if (round == 1) {
                    cluster.killNode(1); // the first address the clients know, with writes still unsent
                    killed.set(true);
                }
                commitOnceTaken(writer);
            }
            await().atMost(RECOVERY_LIMIT).until(() -> searchesAfterKill.get() >= 20);
            done.set(true);
            searches.join();

            writer.refresh();
            assertThat(writer.count(RecordKind.TRACE)).isEqualTo((long) ROUNDS * PER_ROUND);
            assertThat(agent.search(SearchQuery.all().withCallId("call-1-499")).total())
                    .isEqualTo(1);
            assertThat(failedSearches)
                    .as("searches that failed while a node was lost")
                    .isEmpty();
        } finally {
            done.set(true);
            cluster.startDeadNodes();
        }
    }

    /**
     * Commits as the record writer does at each checkpoint: a commit the cluster does not take yet
     * (its shards moving to the nodes left) throws and keeps the writes, and the next one sends them.
     */
    private static void commitOnceTaken(OpenSearchRecordIndex writer) {
        // a safety bound only: on a busy machine the cluster may take minutes to promote the
        // replica, and each attempt may wait the client's 30 s response timeout
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            try {
                writer.commit();
                return true;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        });
        assertThat(writer.unsent()).isZero();
    }

    /** Returns once the cluster says the index is green: every replica assigned and in sync. */
    private static void awaitGreen(OpenSearchServer.Cluster cluster, String index) throws InterruptedException {
        URI health =
                cluster.urls().getFirst().resolve("/_cluster/health/" + index + "?wait_for_status=green&timeout=50s");
        try (HttpClient http = HttpClient.newHttpClient()) {
            await().atMost(RECOVERY_LIMIT)
                    .until(() -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                            .body()
                            .contains("\"status\":\"green\""));
        }
    }

    private static CallTrace trace(String callId) {
        return new CallTrace(
                callId,
                PhoneNumber.parse("0475 12 34 56"),
                "+3222785044",
                "parcels",
                T0,
                List.of(),
                "",
                "1",
                false,
                false,
                null,
                YEAR);
    }
}
