package org.callgate.store;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each retention class is kept and how the store locks it: the retention policy as
 * data (DESIGN §5). {@link #DEFAULT} is the call-centre policy of seed 003 (R2, R3, R7, R8, R10);
 * {@link #QUALITY_CONTROL} the quality-control variant of seed 004 (R14: recordings 1 month).
 *
 * <p>Legal retention (banking, MiFID II) is {@link LockMode#COMPLIANCE}: nobody may delete it
 * early. Sampled recordings are {@link LockMode#GOVERNANCE}, so a compliance user can erase one
 * when the caller objects (R12) while nobody else can. Traces and dossiers are purged by the
 * purge job at their retain-until and are not locked, because a data-subject request may need
 * them erased earlier.
 */
public final class RetentionProfile {

    /** One retention class: how long from the event, how it is locked, and on what grounds. */
    public record Rule(String retentionClass, Period keep, LockMode mode, String basis) {
        public Rule {
            Objects.requireNonNull(retentionClass, "retentionClass");
            Objects.requireNonNull(keep, "keep");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(basis, "basis");
        }
    }

    public static final RetentionProfile DEFAULT = new RetentionProfile(
            "default",
            Map.of(
                    "trace", new Rule("trace", Period.ofYears(1), LockMode.NONE, "R1 call traces, 1 year"),
                    "dossier", new Rule("dossier", Period.ofYears(3), LockMode.NONE, "R2 dossiers, 3 years"),
                    "banking-dossier",
                            new Rule(
                                    "banking-dossier",
                                    Period.ofYears(10),
                                    LockMode.COMPLIANCE,
                                    "R3 banking dossiers, 10 years"),
                    "recording",
                            new Rule(
                                    "recording",
                                    Period.ofMonths(6),
                                    LockMode.GOVERNANCE,
                                    "R7 sampled recordings, at most 6 months"),
                    "banking-recording",
                            new Rule(
                                    "banking-recording",
                                    Period.ofYears(10),
                                    LockMode.COMPLIANCE,
                                    "R8 MiFID II banking recordings, 10 years"),
                    "survey", new Rule("survey", Period.ofYears(3), LockMode.NONE, "R10 survey answers, 3 years")));

    public static final RetentionProfile QUALITY_CONTROL = DEFAULT.with(
            "quality-control",
            new Rule("recording", Period.ofMonths(1), LockMode.GOVERNANCE, "R14 quality-control recordings, 1 month"));

    private final String name;
    private final Map<String, Rule> rules;

    private RetentionProfile(String name, Map<String, Rule> rules) {
        this.name = name;
        this.rules = Map.copyOf(rules);
    }

    /** The profile called {@code name}: {@code default} or {@code quality-control}; null if unknown. */
    public static RetentionProfile named(String name) {
        return switch (name) {
            case "default" -> DEFAULT;
            case "quality-control" -> QUALITY_CONTROL;
            default -> null;
        };
    }

    public String name() {
        return name;
    }

    public Rule rule(String retentionClass) {
        Rule rule = rules.get(retentionClass);
        if (rule == null) {
            throw new IllegalArgumentException("retention profile " + name + " has no class " + retentionClass);
        }
        return rule;
    }

    /** The retention of an object of {@code retentionClass} whose period starts at {@code from} (UTC calendar). */
    public Retention retentionFor(String retentionClass, Instant from) {
        Rule rule = rule(retentionClass);
        Instant until = from.atOffset(ZoneOffset.UTC).plus(rule.keep()).toInstant();
        return new Retention(retentionClass, until, rule.mode());
    }

    private RetentionProfile with(String newName, Rule replaced) {
        Map<String, Rule> copy = new HashMap<>(rules);
        copy.put(replaced.retentionClass(), replaced);
        return new RetentionProfile(newName, copy);
    }
}
