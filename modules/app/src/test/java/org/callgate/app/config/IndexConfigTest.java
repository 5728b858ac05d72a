package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code index:} section: defaults beside the spool, binding, one-line errors. */
class IndexConfigTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void byDefaultTheIndexAndItsJournalLieBesideTheSpoolAndCommitEveryThirtySeconds() throws Exception {
        CallgateConfig config = load("store:\n  path: /srv/cg/store\n  spool: /srv/cg/spool\n");

        assertThat(config.index().directory(config.store())).isEqualTo(Path.of("/srv/cg/index"));
        assertThat(config.index().journal(config.store())).isEqualTo(Path.of("/srv/cg/index-journal"));
        assertThat(config.index().commitInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anIndexSectionIsRead() throws Exception {
        CallgateConfig config = load("index:\n  path: /data/lucene\n  commit-interval: 5s\n");

        assertThat(config.index()).isEqualTo(new IndexConfig(Path.of("/data/lucene"), Duration.ofSeconds(5)));
        assertThat(config.index().journal(config.store())).isEqualTo(Path.of("/data/lucene-journal"));
    }

    @Test
    void aCommitIntervalOfZeroOrOverAnHourIsRefusedWithItsReason() {
        assertThat(errorFor("index:\n  commit-interval: 0s\n"))
                .isEqualTo(file + ":2:20: index.commit-interval: '0s' — must be longer than 0");
        assertThat(errorFor("index:\n  commit-interval: 2h\n"))
                .isEqualTo(file + ":2:20: index.commit-interval: '2h'"
                        + " — must be 1h or less: a crash redoes the indexing since the last commit");
    }

    @Test
    void anOpenSearchIndexIsReadWithItsClusterAndKeepsItsJournalOnThisNode() throws Exception {
        CallgateConfig config = load("""
                index:
                  type: opensearch
                  opensearch:
                    urls: ["http://10.0.0.5:9200", "http://10.0.0.6:9200"]
                    index: records-prod
                    replicas: 2
                store:
                  spool: /var/callgate/spool
                """);

        assertThat(config.index().type()).isEqualTo(IndexConfig.OPENSEARCH);
        assertThat(config.index().opensearch().toSettings().urls())
                .extracting(java.net.URI::toString)
                .containsExactly("http://10.0.0.5:9200", "http://10.0.0.6:9200");
        assertThat(config.index().opensearch().toSettings().index()).isEqualTo("records-prod");
        assertThat(config.index().opensearch().toSettings().replicas()).isEqualTo(2);
        assertThat(config.index().journal(config.store())).isEqualTo(Path.of("/var/callgate/index-journal"));
    }

    @Test
    void anUnknownIndexTypeOrABadClusterAddressIsRefusedWithItsReason() {
        assertThat(errorFor("index:\n  type: solr\n"))
                .isEqualTo(file + ":2:9: index.type: 'solr' — unknown index type; allowed: [lucene, opensearch]");
        assertThat(errorFor("index:\n  type: opensearch\n  opensearch:\n    urls: [\"ftp://x\"]\n"))
                .isEqualTo(file + ":4:5: index.opensearch: 'ftp://x'"
                        + " — not an http(s) address of a cluster node: ftp://x");
        assertThat(errorFor("index:\n  type: opensearch\n  opensearch:\n    index: Records\n"))
                .contains("index.opensearch")
                .contains("not an index name");
    }

    private CallgateConfig load(String yaml) throws IOException, ConfigException {
        return ConfigLoader.load(Files.writeString(dir.resolve("callgate.yaml"), yaml), dir);
    }

    private String errorFor(String yaml) {
        file = dir.resolve("callgate.yaml");
        return BadConfig.refused(dir, yaml).getMessage();
    }
}
