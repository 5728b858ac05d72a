package org.callgate.app.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.callgate.store.LockMode;
import org.callgate.store.RetentionProfile.Rule;
import org.callgate.store.RetentionProfile.Start;

/**
 * What the law leaves a retention profile to choose, class by class: the events callgate can date
 * each class from, and the floors and ceilings of the rules (REQUIREMENTS R1-R18). A profile that
 * keeps banking recordings less than 10 years, or sampled recordings more than 6 months, does not
 * load: the mistake is found by {@code check-config}, not by an auditor.
 */
final class RetentionLaw {

    /** Every class callgate stores records of, in the order of the shipped files. */
    static final List<String> CLASSES = List.of(
            "trace",
            "dossier",
            "banking-dossier",
            "recording",
            "banking-recording",
            "survey",
            "digital-assistant",
            "request",
            "evidence");

    private static final Set<Start> OF_A_CALL = Set.of(Start.CALL, Start.END_OF_CALL);
    private static final Set<Start> OF_CREATION = Set.of(Start.CREATION);

    private static final Map<String, Set<Start>> STARTS = Map.of(
            "trace", OF_A_CALL,
            "dossier", OF_CREATION,
            "banking-dossier", OF_CREATION,
            "recording", OF_A_CALL,
            "banking-recording", OF_A_CALL,
            "survey", OF_A_CALL,
            "digital-assistant", OF_CREATION,
            "request", OF_CREATION,
            "evidence", Set.of(Start.END_OF_CONTRACT, Start.END_OF_DISPUTE));

    /** At most this long (R7 "at most 6 months", R16 "at most 3 months"). */
    private static final Map<String, Period> CEILINGS =
            Map.of("recording", Period.ofMonths(6), "digital-assistant", Period.ofMonths(3));

    /** At least this long, and locked in COMPLIANCE mode (R3, R8 MiFID II, R18). */
    private static final Map<String, Period> LEGAL_KEEPS = Map.of(
            "banking-dossier", Period.ofYears(10),
            "banking-recording", Period.ofYears(10),
            "evidence", Period.ofYears(10));

    private RetentionLaw() {}

    static void check(Rule rule, String path, Problems problems) {
        String cls = rule.retentionClass();
        problems.require(
                STARTS.get(cls).contains(rule.from()),
                path + ".from",
                rule.from().word(),
                "a " + cls + " record is dated from one of "
                        + STARTS.get(cls).stream().map(Start::word).sorted().toList());
        Period ceiling = CEILINGS.get(cls);
        if (ceiling != null) {
            problems.require(
                    !longer(rule.keep(), ceiling),
                    path + ".keep",
                    show(rule.keep()),
                    "at most " + show(ceiling) + " (" + (cls.equals("recording") ? "R7" : "R16") + ")");
            problems.require(
                    rule.mode() != LockMode.COMPLIANCE,
                    path + ".lock",
                    "compliance",
                    "a caller may have it erased (R12, R14): governance or none");
        }
        Period floor = LEGAL_KEEPS.get(cls);
        if (floor != null) {
            problems.require(
                    !longer(floor, rule.keep()),
                    path + ".keep",
                    show(rule.keep()),
                    "at least " + show(floor) + " (R3, R8, R18)");
            problems.require(
                    rule.mode() == LockMode.COMPLIANCE,
                    path + ".lock",
                    rule.mode().name().toLowerCase(Locale.ROOT),
                    "a legal retention is locked in compliance mode (R3, R8, R18)");
        }
    }

    /** Whether {@code a} ends later than {@code b}, from the same day. */
    private static boolean longer(Period a, Period b) {
        OffsetDateTime from = Instant.EPOCH.atOffset(ZoneOffset.UTC);
        return from.plus(a).isAfter(from.plus(b));
    }

    /** {@code 6 months}, as written in a profile file. */
    static String show(Period period) {
        return org.callgate.store.RetentionProfile.words(period);
    }
}
