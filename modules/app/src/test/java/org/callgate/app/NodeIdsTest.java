package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.callgate.app.config.CallgateConfig;
import org.callgate.audit.AuditArchive;
import org.junit.jupiter.api.Test;

/** This node's name among the nodes on one store (ADR 0018): the configured one, else the host's, made a key segment. */
class NodeIdsTest {

    @Test
    void aHostNameBecomesTheNodeIdLowerCased() {
        assertThat(NodeIds.fromHostName("GW-1.Example.be\n")).isEqualTo("gw-1.example.be");
    }

    @Test
    void charactersAKeySegmentCannotHoldBecomeDashesAndTheIdStaysShort() {
        assertThat(NodeIds.fromHostName("_gw 1/blue")).isEqualTo("gw-1-blue");
        assertThat(NodeIds.fromHostName("a".repeat(80))).hasSize(63);
    }

    @Test
    void aHostWithoutAUsableNameIsCalledCallgate() {
        assertThat(NodeIds.fromHostName("")).isEqualTo(NodeIds.FALLBACK);
        assertThat(NodeIds.fromHostName("...")).isEqualTo(NodeIds.FALLBACK);
    }

    @Test
    void withoutANodeIdInTheConfigurationThisHostsNameIsAValidOne() {
        assertThat(AuditArchive.validNode(NodeIds.of(CallgateConfig.defaults())))
                .isTrue();
    }
}
