package org.callgate.app;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import org.callgate.app.config.CallgateConfig;
import org.callgate.retention.CdrFilesPurge;
import org.callgate.retention.LocalPurge;
import org.callgate.retention.OutboxPurge;
import org.callgate.retention.SpoolPurge;
import org.callgate.store.RetentionProfile;

/**
 * The local files with callers' numbers the purge covers, as configured (R1, R7, R9, R11): the SMS
 * outbox and the CDR files follow the call trace's retention, the spool each recording's class.
 */
final class LocalPurges {

    /** The system property logback.xml writes the daily CDR files under. */
    static final String CDR_DIR = "callgate.cdr.dir";

    private LocalPurges() {}

    static List<LocalPurge> of(CallgateConfig config, RetentionProfile profile) {
        Period trace = profile.rule("trace").keep();
        return List.of(
                new OutboxPurge(config.sms().outbox(), trace),
                new CdrFilesPurge(Path.of(System.getProperty(CDR_DIR, "var/cdr")), trace),
                SpoolPurge.of(config.store().spool(), profile));
    }
}
