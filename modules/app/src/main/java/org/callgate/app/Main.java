package org.callgate.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.app.config.ConfigLoader;
import org.callgate.core.call.CallObserver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The {@code callgate} command line. Every failure a user can cause (bad configuration, port in
 * use) ends with one line on stderr and a non-zero exit code, never a stack trace.
 */
@SuppressForbidden("a command prints its errors to the terminal")
@Command(
        name = "callgate",
        mixinStandardHelpOptions = true,
        version = "callgate 0.1.0",
        description = "Customer-service call routing and recording compliance gateway.",
        subcommands = {
            Main.Serve.class,
            DrainCommand.class,
            Demo.class,
            Main.CheckConfig.class,
            StoreCommand.class,
            PurgeCommand.class,
            HoldCommand.class,
            RequestCommand.class,
            AuditCommand.class,
            IndexCommands.Reindex.class,
            IndexInit.class,
            IndexCommands.GenerateData.class,
            ComplianceCommand.class,
            UserCommand.class
        })
public final class Main {

    static final int STARTUP_FAILED = 1;
    static final Path DEFAULT_CONFIG = Path.of("config/callgate.yaml");

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    /** The configuration from a file, or the embedded defaults when no file is given or found. */
    static CallgateConfig loadConfig(Path file) throws ConfigException {
        if (file != null) {
            return ConfigLoader.load(file);
        }
        return Files.isRegularFile(DEFAULT_CONFIG) ? ConfigLoader.load(DEFAULT_CONFIG) : ConfigLoader.defaults();
    }

    @SuppressForbidden("a command prints its errors to the terminal")
    @Command(name = "serve", description = "Run the gateway until stopped (SIGTERM or Ctrl-C).")
    static final class Serve implements Callable<Integer> {

        @Mixin
        ConfigFile config;

        @Override
        public Integer call() throws InterruptedException {
            Callgate callgate;
            try {
                callgate = Callgate.start(loadConfig(config.file), Clock.systemUTC(), CallObserver.NONE);
            } catch (ConfigException e) {
                e.errors().forEach(System.err::println);
                return ConfigCheck.INVALID;
            } catch (StartupException e) {
                System.err.println("callgate: " + e.getMessage());
                return STARTUP_FAILED;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(
                            Thread.ofPlatform().name("callgate-shutdown").unstarted(() -> {
                                callgate.close();
                                stopped.countDown();
                            }));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "check-config", description = "Validate a configuration file without starting.")
    static final class CheckConfig implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "configuration file to check")
        Path file;

        @Override
        public Integer call() {
            return ConfigCheck.run(file);
        }
    }
}
