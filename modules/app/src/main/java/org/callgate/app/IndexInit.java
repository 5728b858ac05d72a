package org.callgate.app;

import java.util.concurrent.Callable;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.core.dossier.RecordIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code callgate index init}: lays out the configured index before the first node starts: on an
 * OpenSearch cluster the records index with callgate's analyser and mappings (the nodes would
 * create it too, but a deployment sets it up once, on purpose, and sees it refused when an index
 * of that name is not callgate's); on Lucene an empty index directory. An existing callgate index
 * is left as it is; {@code callgate reindex} fills it from the store.
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
@Command(name = "index", description = "Set up the index.", subcommands = IndexInit.Init.class)
final class IndexInit implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "init",
            description = "Create the index with callgate's mappings and analyser; an existing one is kept.")
    static final class Init implements Callable<Integer> {

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() {
            CallgateConfig cfg;
            try {
                cfg = Main.loadConfig(config.file);
            } catch (ConfigException e) {
                e.errors().forEach(System.err::println);
                return ConfigCheck.INVALID;
            }
            String where = Records.where(cfg.index(), cfg.store());
            try (RecordIndex index = Records.openIndex(cfg.index(), cfg.store())) {
                System.out.printf("index %s (%s) ready%n", where, cfg.index().type());
                return 0;
            } catch (StartupException e) {
                System.err.println("callgate: " + e.getMessage());
                return Main.STARTUP_FAILED;
            }
        }
    }
}
