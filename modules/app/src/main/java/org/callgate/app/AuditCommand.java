package org.callgate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.app.config.StoreConfig;
import org.callgate.audit.AuditVerification;
import org.callgate.audit.AuditVerifier;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code callgate audit verify}: checks the tamper-evident audit log (R11) against the sealed
 * segments and chain head in the configured store, and prints one line: the totals and the head
 * when the chain is intact (exit 0), or the first broken entry (exit {@value #BROKEN}). When the
 * check cannot run (store unreachable, file store held by a running gateway, unreadable log) it
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
            StoreConfig store;
            try {
                CallgateConfig loaded = Main.loadConfig(config.file);
                store = loaded.store();
            } catch (ConfigException e) {
                e.errors().forEach(System.err::println);
                return ConfigCheck.INVALID;
            }
            Path dir = directory(store);
            try (RecordingStore opened = Recordings.openStore(store, Clock.systemUTC())) {
                AuditVerification verification = AuditVerifier.verify(dir, opened);
                System.out.println(summary(verification, dir));
                return verification.intact() ? 0 : BROKEN;
            } catch (StartupException | IOException | StoreException | RuntimeException e) {
                System.err.println("callgate: audit verify failed: " + e.getMessage());
                return CANNOT_CHECK;
            }
        }

        private static String summary(AuditVerification verification, Path dir) {
            if (verification.intact() && verification.entries() == 0 && !Files.isDirectory(dir)) {
                return "audit: no audit log at " + dir + " and none in the store";
            }
            return verification.summary();
        }
    }
}
