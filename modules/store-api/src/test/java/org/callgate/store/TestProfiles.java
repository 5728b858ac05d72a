package org.callgate.store;

import static org.callgate.store.RetentionProfile.Start.CALL;
import static org.callgate.store.RetentionProfile.Start.CREATION;
import static org.callgate.store.RetentionProfile.Start.END_OF_DISPUTE;

import java.time.Period;
import java.util.List;
import org.callgate.store.RetentionProfile.Rule;

/**
 * The shipped retention profiles ({@code config/retention/default.yaml} and {@code
 * quality-control.yaml}) as test data, for tests of modules that cannot read the files. An app
 * test loads the shipped files and checks they equal these, so the two never drift apart.
 */
public final class TestProfiles {

    public static final RetentionProfile DEFAULT = new RetentionProfile(
            "default",
            List.of(
                    new Rule("trace", Period.ofYears(1), CALL, LockMode.NONE, "R1"),
                    new Rule("dossier", Period.ofYears(3), CREATION, LockMode.NONE, "R2"),
                    new Rule("banking-dossier", Period.ofYears(10), CREATION, LockMode.COMPLIANCE, "R3"),
                    new Rule("recording", Period.ofMonths(6), CALL, LockMode.GOVERNANCE, "R7"),
                    new Rule("banking-recording", Period.ofYears(10), CALL, LockMode.COMPLIANCE, "R8"),
                    new Rule("survey", Period.ofYears(3), CALL, LockMode.NONE, "R10"),
                    new Rule("digital-assistant", Period.ofMonths(3), CREATION, LockMode.NONE, "R16"),
                    new Rule("request", Period.ofYears(3), CREATION, LockMode.GOVERNANCE, "R20"),
                    new Rule("evidence", Period.ofYears(10), END_OF_DISPUTE, LockMode.COMPLIANCE, "R18")));

    public static final RetentionProfile QUALITY_CONTROL = new RetentionProfile(
            "quality-control",
            DEFAULT.rules().stream()
                    .map(rule -> rule.retentionClass().equals("recording")
                            ? new Rule("recording", Period.ofMonths(1), CALL, LockMode.GOVERNANCE, "R14")
                            : rule)
                    .toList());

    private TestProfiles() {}
}
