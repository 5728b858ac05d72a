package org.callgate.index.opensearch;

import java.io.IOException;
import java.time.Duration;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.tasks.GetTasksResponse;

/**
 * The index's upkeep beyond single writes: a bulk load's refresh, reclaiming deleted space, and
 * deletes by query as the cluster's own task, followed until it ends: a purge of a million
 * records runs for longer than an HTTP answer may take, and a request that timed out would be
 * sent again to another node while the first delete still runs. Each wait for the task is
 * shorter than the client's response timeout; the task runs on whatever the client does.
 */
final class ClusterMaintenance {

    /** How long one wait for the task may block on the cluster: under the client's 30 s timeout. */
    private static final Time WAIT = Time.of(t -> t.time("20s"));
    /** The longest a delete is followed before callgate gives up on it (the task goes on). */
    private static final Duration LIMIT = Duration.ofHours(2);

    private final OpenSearchClient client;
    private final String index;

    ClusterMaintenance(OpenSearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** Deletes what {@code query} matches, refreshes, and returns how many it deleted. */
    long delete(String what, Query query) throws IOException {
        String task = client.deleteByQuery(d -> d.index(index)
                        .query(query)
                        .refresh(Refresh.True)
                        .conflicts(Conflicts.Proceed)
                        .waitForCompletion(false))
                .task();
        if (task == null) {
            throw new IOException("the cluster started no task to delete " + what);
        }
        long waits = LIMIT.toSeconds() / 20;
        for (long i = 0; i < waits; i++) {
            GetTasksResponse state = client.tasks()
                    .get(g -> g.taskId(task).waitForCompletion(true).timeout(WAIT));
            if (state.completed()) {
                return result(what, task, state);
            }
        }
        throw new IOException("the cluster's task " + task + " deleting " + what + " has not ended in " + LIMIT
                + "; it goes on, and the next purge finds what is left");
    }

    private static long result(String what, String task, GetTasksResponse state) throws IOException {
        if (state.error() != null) {
            throw new IOException("deleting " + what + " (task " + task + ") failed: "
                    + state.error().reason());
        }
        if (state.response() == null) {
            throw new IOException("deleting " + what + " (task " + task + ") ended without a result");
        }
        if (!state.response().failures().isEmpty()) {
            throw new IOException("deleting " + what + " (task " + task + ") failed for "
                    + state.response().failures().size() + " records, first: "
                    + state.response().failures().getFirst().cause().reason());
        }
        return state.response().deleted();
    }

    /** Reclaims the space of deleted documents: a force merge of deletes only. */
    void expunge() throws IOException {
        client.indices().forcemerge(f -> f.index(index).onlyExpungeDeletes(true).waitForCompletion(true));
    }

    /**
     * Stops the index's periodic refresh for a bulk load ({@code on}), or sets it back to 1 s: a
     * refresh every second writes a segment each time, most of a load's work.
     */
    void bulkLoad(boolean on) throws IOException {
        String interval = on ? "-1" : "1s";
        client.indices()
                .putSettings(p -> p.index(index).settings(s -> s.refreshInterval(Time.of(t -> t.time(interval)))));
    }
}
