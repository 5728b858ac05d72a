package org.callgate.app.config;

import java.util.List;
import org.callgate.store.RetentionProfile;

/** The rules for {@code store}: a known type and profile, directories that are not empty names. */
final class StoreRules {

    static final List<String> TYPES = List.of(StoreConfig.FILE, StoreConfig.S3);

    private StoreRules() {}

    static void check(StoreConfig store, Problems problems) {
        problems.require(
                TYPES.contains(store.type()), "store.type", store.type(), "unknown store type; allowed: " + TYPES);
        problems.require(!store.path().toString().isBlank(), "store.path", "", "must name a directory");
        problems.require(!store.spool().toString().isBlank(), "store.spool", "", "must name a directory");
        problems.require(
                !store.spool().normalize().equals(store.path().normalize()),
                "store.spool",
                store.spool(),
                "must differ from store.path: the spool holds what is not stored yet");
        problems.require(
                RetentionProfile.named(store.retentionProfile()) != null,
                "store.retention-profile",
                store.retentionProfile(),
                "unknown profile; allowed: [default, quality-control]");
        if (StoreConfig.S3.equals(store.type())) {
            try {
                store.s3().toSettings();
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("store.s3", store.s3().bucket(), e.getMessage()));
            }
        }
    }
}
