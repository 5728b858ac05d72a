package org.callgate.app.config;

import java.util.List;

/** The rules for {@code store}: a known type, sync and profile, directories that are not empty names. */
final class StoreRules {

    static final List<String> TYPES = List.of(StoreConfig.FILE, StoreConfig.S3);
    static final List<String> SYNCS = List.of(StoreConfig.SYNCFS, StoreConfig.FSYNC);

    private StoreRules() {}

    static void check(StoreConfig store, Problems problems) {
        problems.require(
                TYPES.contains(store.type()), "store.type", store.type(), "unknown store type; allowed: " + TYPES);
        problems.require(
                SYNCS.contains(store.sync()), "store.sync", store.sync(), "unknown way to sync; allowed: " + SYNCS);
        problems.require(!store.path().toString().isBlank(), "store.path", "", "must name a directory");
        problems.require(!store.spool().toString().isBlank(), "store.spool", "", "must name a directory");
        problems.require(
                !store.spool().normalize().equals(store.path().normalize()),
                "store.spool",
                store.spool(),
                "must differ from store.path: the spool holds what is not stored yet");
        problems.require(
                store.retentionProfile().matches("[a-z0-9][a-z0-9-]*"),
                "store.retention-profile",
                store.retentionProfile(),
                "a profile name: a-z, 0-9 and '-' (the file <retention-dir>/<name>.yaml)");
        if (StoreConfig.S3.equals(store.type())) {
            try {
                store.s3().toSettings();
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("store.s3", store.s3().bucket(), e.getMessage()));
            }
        }
    }
}
