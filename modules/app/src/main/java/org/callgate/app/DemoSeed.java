package org.callgate.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.StoreConfig;
import org.callgate.core.dossier.Dossier;
import org.callgate.records.DossierDetails;
import org.callgate.records.Dossiers;
import org.callgate.records.SyntheticData;
import org.callgate.store.StoreException;
import org.callgate.users.Role;
import org.callgate.users.User;
import org.callgate.users.UserException;
import org.callgate.users.UserStore;

/**
 * What {@code callgate demo} puts in its fresh store before and after the gateway starts: generated
 * dossiers and call traces to search ({@link SyntheticData}, as {@code generate-data} writes them),
 * the dossier of the demo callers' number so their calls pop up with it, and one user per role with
 * a random password (docs/security.md).
 */
final class DemoSeed {

    /** The number every demo caller calls from (the SIPp caller scenario's {@code From}). */
    static final String CALLER_NUMBER = "0475 12 34 56";

    /**
     * The services of the default lines and their menus but banking (docs/ivr.md): a supervisor
     * coaches on these and may never hear banking recordings (R8).
     */
    private static final Set<String> SUPERVISED = Set.of(
            "private",
            "business",
            "business-parcels",
            "business-invoices",
            "riziv-inami",
            "riziv-inami-orders",
            "traffic-fines",
            "traffic-fines-payment",
            "traffic-fines-disputes");

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 16;

    /** A demo user as printed for the person trying the UI. */
    record DemoUser(String name, Role role, String password) {}

    private DemoSeed() {}

    /** The defaults with the store and spool in the demo's own directory, not in the working tree. */
    static CallgateConfig withStoreIn(CallgateConfig c, Path work) {
        StoreConfig store = new StoreConfig(
                StoreConfig.FILE,
                work.resolve("store"),
                work.resolve("spool"),
                c.store().retentionProfile(),
                c.store().sync(),
                c.store().s3());
        return new CallgateConfig(
                c.sip(),
                c.media(),
                c.calls(),
                c.serviceLines(),
                c.promptsDir(),
                c.sms(),
                c.outbound(),
                c.recording(),
                store,
                c.index(),
                c.purge(),
                c.retentionDir(),
                c.web());
    }

    /** Writes {@code dossiers} synthetic dossiers and {@code calls} traces into the empty store and index. */
    static void generate(CallgateConfig config, int dossiers, long calls) throws StartupException {
        int status = IndexCommands.withRecords(config, opened -> {
            IndexCommands.GenerateData.generate(
                    opened.records(),
                    new SyntheticData(
                            1, opened.clock().instant(), opened.records().profile()),
                    dossiers,
                    calls);
            return 0;
        });
        if (status != 0) {
            throw new StartupException(
                    "cannot generate the demo dossiers in " + config.store().path(), null);
        }
    }

    /** The dossier of the demo callers, on the private line: the agent's screen pops it when they call. */
    static Dossier callersDossier(Dossiers dossiers) throws StoreException, IOException {
        return dossiers.create(
                "private",
                new DossierDetails(
                        "Dubois",
                        "Marie",
                        List.of(CALLER_NUMBER),
                        "BE68 5390 0754 7034",
                        "marie.dubois@example.be",
                        "asked about a parcel held at the post office"));
    }

    /** One user per role, each with a fresh random password. */
    static List<DemoUser> users(Path usersFile, Clock clock) throws UserException {
        UserStore store = new UserStore(usersFile, clock);
        Map<String, Role> names = new LinkedHashMap<>();
        names.put("anna", Role.AGENT);
        names.put("sam", Role.SUPERVISOR);
        names.put("chloe", Role.COMPLIANCE);
        names.put("adam", Role.ADMIN);
        SecureRandom random = new SecureRandom();
        List<DemoUser> users = new ArrayList<>();
        for (var entry : names.entrySet()) {
            char[] password = password(random);
            Set<String> services = entry.getValue() == Role.SUPERVISOR ? SUPERVISED : Set.of();
            User user = store.add(entry.getKey(), Set.of(entry.getValue()), services, password);
            users.add(new DemoUser(user.name(), entry.getValue(), new String(password)));
        }
        return users;
    }

    /** The web address and the demo users, so the person trying the demo can log in. */
    static void printWeb(PrintStream out, String url, List<DemoUser> users, int dossiers) {
        out.printf(
                Locale.ROOT, "web UI: %s/ (API %s/api/v1/openapi.json, %s/health, %s/metrics)%n", url, url, url, url);
        out.printf(Locale.ROOT, "  %d generated dossiers to search, and Dubois, Marie (%s)%n", dossiers, CALLER_NUMBER);
        for (DemoUser user : users) {
            out.printf(
                    Locale.ROOT,
                    "  log in as %-6s password %s  (%s)%n",
                    user.name(),
                    user.password(),
                    user.role().label());
        }
        out.println();
    }

    /** Keeps the gateway and its web UI up until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes it. */
    static void serveUntilStopped(PrintStream out, Callgate callgate, String url) throws InterruptedException {
        out.printf(Locale.ROOT, "%nThe web UI stays up at %s/ ; press Ctrl-C to stop.%n", url);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("demo-stop").unstarted(() -> {
                    callgate.close();
                    stopped.countDown();
                }));
        stopped.await();
    }

    private static char[] password(SecureRandom random) {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
