package org.callgate.store;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long each retention class is kept, from which event, how the store locks it, and on what
 * legal grounds: the retention policy as data (REQUIREMENTS "what follows" 1, DESIGN §5). The
 * profiles are configuration ({@code config/retention/*.yaml}), never Java constants: seed 003's
 * call-centre policy is {@code default} (R1, R2, R3, R7, R8, R10), seed 004's quality-control
 * variant {@code quality-control} (R14: recordings 1 month, R16, R18).
 *
 * <p>Legal retention (banking, MiFID II) is {@link LockMode#COMPLIANCE}: nobody may delete it
 * early. Sampled recordings are {@link LockMode#GOVERNANCE}, so a compliance user can erase one
 * when the caller objects (R12) while nobody else can. Traces and dossiers are purged at their
 * retain-until and are not locked, because a data-subject request may need them erased earlier.
 */
public final class RetentionProfile {

    /** The event a class's retention runs from. */
    public enum Start {
        /** The record's creation: a dossier's first version, a digital-assistant interaction. */
        CREATION("creation"),
        /** The call or conversation: a trace from the call's arrival, a recording from the agent's answer. */
        CALL("call"),
        /** The end of the call. */
        END_OF_CALL("end-of-call"),
        /** The end of the contract (R18 evidence): a date an operator gives. */
        END_OF_CONTRACT("end-of-contract"),
        /** The end of the dispute (R18 evidence): a date an operator gives, at a hold's release. */
        END_OF_DISPUTE("end-of-dispute");

        private final String word;

        Start(String word) {
            this.word = word;
        }

        /** As written in a profile file. */
        public String word() {
            return word;
        }

        /** The event a profile file names, or null. */
        public static Start ofWord(String word) {
            for (Start start : values()) {
                if (start.word.equals(word)) {
                    return start;
                }
            }
            return null;
        }
    }

    /** One retention class: how long from which event, how it is locked, and on what grounds. */
    public record Rule(String retentionClass, Period keep, Start from, LockMode mode, String basis) {
        public Rule {
            Objects.requireNonNull(retentionClass, "retentionClass");
            Objects.requireNonNull(keep, "keep");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(basis, "basis");
        }

        /** The instant this rule's retention ends for a record whose start event was at {@code from}. */
        public Instant until(Instant from) {
            return from.atOffset(ZoneOffset.UTC).plus(keep).toInstant();
        }
    }

    private final String name;
    private final Map<String, Rule> rules;

    /** A profile of {@code rules}, one per class, in the order given. */
    public RetentionProfile(String name, List<Rule> rules) {
        this.name = Objects.requireNonNull(name, "name");
        Map<String, Rule> byClass = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byClass.put(rule.retentionClass(), rule) != null) {
                throw new IllegalArgumentException("retention class " + rule.retentionClass() + " twice");
            }
        }
        this.rules = Collections.unmodifiableMap(byClass);
    }

    /** {@code 6 months}, {@code 10 years}: a keep as a profile file writes it. */
    public static String words(Period period) {
        if (period.getYears() > 0 && period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() == 1 ? " year" : " years");
        }
        if (period.getMonths() > 0 && period.getYears() == 0 && period.getDays() == 0) {
            return period.getMonths() + (period.getMonths() == 1 ? " month" : " months");
        }
        return period.getDays() + (period.getDays() == 1 ? " day" : " days");
    }

    public String name() {
        return name;
    }

    /** Every class's rule, in the profile's order. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    public boolean has(String retentionClass) {
        return rules.containsKey(retentionClass);
    }

    public Rule rule(String retentionClass) {
        Rule rule = rules.get(retentionClass);
        if (rule == null) {
            throw new IllegalArgumentException("retention profile " + name + " has no class " + retentionClass);
        }
        return rule;
    }

    /**
     * The retention of an object of {@code retentionClass} whose start event ({@link Rule#from()})
     * was at {@code from} (UTC calendar: 6 months from 31 August end on 28 February).
     */
    public Retention retentionFor(String retentionClass, Instant from) {
        Rule rule = rule(retentionClass);
        return new Retention(retentionClass, rule.until(from), rule.mode());
    }

    /**
     * The retention of a call's record of {@code retentionClass}: from {@code call} or {@code
     * ended}, as its rule says ({@link Start#CALL} or {@link Start#END_OF_CALL}).
     *
     * @throws IllegalArgumentException when the class runs from another event
     */
    public Retention retentionOfCall(String retentionClass, Instant call, Instant ended) {
        Rule rule = rule(retentionClass);
        return switch (rule.from()) {
            case CALL -> retentionFor(retentionClass, call);
            case END_OF_CALL -> retentionFor(retentionClass, ended);
            default ->
                throw new IllegalArgumentException("retention class " + retentionClass + " runs from "
                        + rule.from().word() + ", not from a call");
        };
    }

    /** The longest-kept rule, for what must outlive every record (the audit log, R11). */
    public Rule longest() {
        Instant epoch = Instant.EPOCH;
        return rules.values().stream()
                .max(Comparator.comparing(rule -> rule.until(epoch)))
                .orElseThrow();
    }

    /** Profiles are equal when their names and rules are, in any order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RetentionProfile that && name.equals(that.name) && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rules);
    }

    @Override
    public String toString() {
        return "RetentionProfile[" + name + ", " + rules.values() + "]";
    }
}
