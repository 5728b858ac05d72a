package org.callgate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigCheck;
import org.callgate.app.config.ConfigException;
import org.callgate.app.config.StoreConfig;
import org.callgate.store.StoreException;
import org.callgate.store.s3.S3BucketSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code callgate store init}: prepares the configured store once, before the first start. For S3
 * it creates the bucket with Object Lock (and so versioning) in the configured region, or checks
 * that an existing one has it; callgate itself never creates a bucket, it only refuses to start
 * without a locked one (R7, R8, R19, R21). For the file store it creates the directories.
 */
@SuppressForbidden("a command prints its result and errors to the terminal")
@Command(name = "store", description = "Object store administration.", subcommands = StoreCommand.Init.class)
final class StoreCommand {

    @SuppressForbidden("a command prints its result and errors to the terminal")
    @Command(
            name = "init",
            description = "Create the configured bucket with Object Lock, or the file store's directories.")
    static final class Init implements Callable<Integer> {

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
            try {
                if (StoreConfig.S3.equals(store.type())) {
                    var settings = store.s3().toSettings();
                    S3BucketSetup.Outcome outcome = new S3BucketSetup(settings).ensureLockedBucket();
                    System.out.println("store: S3 bucket " + settings.bucket() + " in " + settings.region() + " "
                            + (outcome == S3BucketSetup.Outcome.CREATED ? "created" : "already there")
                            + ", with Object Lock");
                } else {
                    Files.createDirectories(store.path());
                    Files.createDirectories(store.spool());
                    System.out.println("store: file store at " + store.path().toAbsolutePath() + ", spool at "
                            + store.spool().toAbsolutePath());
                }
                return 0;
            } catch (StoreException | IOException e) {
                System.err.println("callgate: store init failed: " + e.getMessage());
                return Main.STARTUP_FAILED;
            }
        }
    }
}
