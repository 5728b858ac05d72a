package org.callgate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.app.config.StoreConfig;
import org.callgate.audit.AuditChains;
import org.callgate.audit.AuditVerification;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code callgate audit verify}: checks the tamper-evident audit log (R11) against the sealed
 * segments and chain head in the configured store, and prints one line: the totals and the head
 * when the chain is intact (exit 0), or the first broken entry (exit {@value #BROKEN}). With
 * several nodes on the store (ADR 0018) it checks every node's chain, this node's against its log,
 * the others' from the store, and prints one line per node; exit 0 only when all are intact. When
 * the check cannot run (store unreachable, file store held by a running gateway, unreadable log) it
 * says why on stderr and exits {@value #CANNOT_CHECK}; never a stack trace.
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
@Command(name = "audit", description = "Audit log administration (R11).", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    /** The chain is broken: edited, deleted, reordered or truncated entries. */
    static final int BROKEN = 1;

    /** The check could not run. */
    static final int CANNOT_CHECK = 3;

    private AuditCommand() {}

    /**
     * The audit log's directory: {@code audit} beside {@code store.spool}, as the index is (see
     * {@code IndexConfig.directory}), so that each callgate's local state stays together.
     */
    static Path directory(StoreConfig store) {
        return store.spool().toAbsolutePath().normalize().resolveSibling("audit");
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "verify",
            description = "Check the audit log's hash chain against the store; name the first broken entry.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            CallgateConfig loaded;
            try {
                loaded = Main.loadConfig(config.file);
            } catch (ConfigException e) {
                e.errors().forEach(System.err::println);
                return ConfigCheck.INVALID;
            }
            StoreConfig store = loaded.store();
            Path dir = directory(store);
            try (RecordingStore opened = Recordings.openStore(store, Clock.systemUTC())) {
                List<AuditChains.Chain> chains = AuditChains.verify(dir, NodeIds.of(loaded), opened);
                lines(chains, dir).forEach(System.out::println);
                return chains.stream().allMatch(chain -> chain.verification().intact()) ? 0 : BROKEN;
            } catch (StartupException | IOException | StoreException | RuntimeException e) {
                System.err.println("callgate: audit verify failed: " + e.getMessage());
                return CANNOT_CHECK;
            }
        }

        /** One line for a single callgate, as ever; one per chain when several nodes share the store. */
        private static List<String> lines(List<AuditChains.Chain> chains, Path dir) {
            if (chains.size() > 1) {
                return chains.stream().map(AuditChains.Chain::line).toList();
            }
            AuditVerification verification = chains.getFirst().verification();
            if (verification.intact() && verification.entries() == 0 && !Files.isDirectory(dir)) {
                return List.of("audit: no audit log at " + dir + " and none in the store");
            }
            return List.of(verification.summary());
        }
    }
}
