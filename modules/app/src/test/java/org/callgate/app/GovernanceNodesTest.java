package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.callgate.app.config.CallgateConfig;
import org.callgate.audit.AuditChains;
import org.callgate.core.PhoneNumber;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.RequestType;
import org.callgate.records.LegalHold;
import org.callgate.store.TestProfiles;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways' governance on one store, as two nodes behind Kamailio (ADR 0018): what one
 * records in the registers applies on the other, and each archives its own audit chain, which
 * {@code audit verify} on either checks together (R11, R12, R19).
 */
class GovernanceNodesTest {

    private static final PhoneNumber CALLER = PhoneNumber.parse("0475 12 34 56");

    @TempDir
    Path dir;

    private FileRecordingStore store;
    private Governance a;
    private Governance b;

    @BeforeEach
    void twoNodes() throws Exception {
        store = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC());
        a = Governance.open(config("gw-a"), store, TestProfiles.DEFAULT, Clock.systemUTC());
        b = Governance.open(config("gw-b"), store, TestProfiles.DEFAULT, Clock.systemUTC());
        a.followOtherNodes();
        b.followOtherNodes();
    }

    private CallgateConfig config(String node) throws Exception {
        Path file = Files.writeString(dir.resolve(node + ".yaml"), """
                prompts-dir: %s
                node-id: %s
                store:
                  path: %s
                  spool: %s
                """.formatted(
                        GatewayFixture.PROMPTS, node, dir.resolve("store"), dir.resolve(node + "/spool")));
        return Main.loadConfig(file);
    }

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        store.close();
    }

    @Test
    void anObjectionTakenThroughOneNodeStopsRecordingTheCallerThroughTheOther() throws Exception {
        ObjectionList onB = b.requests().objections(ObjectionList.NONE);

        a.requests()
                .open(
                        RequestType.OBJECTION,
                        new DataSubject(List.of(CALLER), List.of(), null, null),
                        null,
                        "call",
                        "agent-7");

        await().atMost(Duration.ofSeconds(10)).until(() -> onB.objects(CALLER.e164()));
    }

    @Test
    void aHoldPlacedThroughOneNodeCoversTheOthersNewRecords() throws Exception {
        a.holds().place(LegalHold.Scope.CALLER, CALLER.e164(), "C-17", "dispute", "compliance-1");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !b.holds().covering(null, CALLER, null).isEmpty());
    }

    @Test
    void eachNodeArchivesItsOwnChainAndEitherVerifiesBoth() throws Exception {
        a.close(); // stores each node's chain head, as a gateway's stop does
        b.close();
        a = null;
        b = null;

        List<AuditChains.Chain> chains = AuditChains.verify(dir.resolve("gw-b/audit"), "gw-b", store);

        assertThat(chains).extracting(AuditChains.Chain::node).containsExactly("gw-b", "gw-a");
        assertThat(chains).allMatch(chain -> chain.verification().intact());
        assertThat(chains).allMatch(chain -> chain.storedHead() == 1); // each node's config.load
    }
}
