package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code node-id:} key: this node among those that share one store (ADR 0018); a bad id is one line. */
class NodeConfigTest {

    @TempDir
    Path dir;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void withoutANodeIdTheHostNameNamesTheNode() {
        assertThat(CallgateConfig.defaults().nodeId()).isNull();
    }

    @Test
    void aNodeIdIsReadFromTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("callgate.yaml"), "node-id: gw-1.example.be\n");

        assertThat(ConfigLoader.load(file, dir).nodeId()).isEqualTo("gw-1.example.be");
    }

    @Test
    void aNodeIdThatCannotNameTheNodesAuditChainIsRefused() {
        assertThat(BadConfig.refused(dir, "node-id: gw/1\n").getMessage())
                .isEqualTo(dir.resolve("callgate.yaml")
                        + ":1:10: node-id: 'gw/1' — a node id: 1 to 63 of A-Z a-z 0-9 . _ = + -, a letter or digit"
                        + " first (it names this node's audit chain in the store)");
    }
}
