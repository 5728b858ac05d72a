package org.callgate.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callgate.store.LockMode;
import org.callgate.store.RetentionProfile.Rule;
import org.callgate.store.RetentionProfile.Start;

/** One class of a retention profile file: its four keys read and checked against {@link RetentionLaw}. */
final class RetentionRule {

    private static final List<String> KEYS = List.of("keep", "from", "lock", "basis");
    private static final Pattern KEEP = Pattern.compile("([1-9][0-9]{0,3}) (day|week|month|year)s?");

    private RetentionRule() {}

    static Optional<Rule> of(String retentionClass, JsonNode node, String path, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(Problem.of(path, Values.NONE, "a mapping with the keys " + KEYS));
            return Optional.empty();
        }
        node.fieldNames()
                .forEachRemaining(key -> problems.require(
                        KEYS.contains(key), path + "." + key, Values.NONE, "unknown key; allowed: " + KEYS));
        int before = problems.list().size();
        Period keep = keep(text(node, "keep"), path + ".keep", problems);
        Start from = from(text(node, "from"), path + ".from", problems);
        LockMode lock = lock(text(node, "lock"), path + ".lock", problems);
        String basis = text(node, "basis");
        problems.require(basis != null && !basis.isBlank(), path + ".basis", basis, "required: the rule id (R1..R22)");
        if (problems.list().size() > before) {
            return Optional.empty();
        }
        Rule rule = new Rule(retentionClass, keep, from, lock, basis);
        RetentionLaw.check(rule, path, problems);
        return Optional.of(rule);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code 1 year}, {@code 6 months}, {@code 30 days}, {@code 2 weeks}. */
    static Period keep(String text, String path, Problems problems) {
        Matcher m = text == null ? null : KEEP.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            problems.add(Problem.of(path, text, "a duration such as '1 year', '6 months', '30 days' or '2 weeks'"));
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "day" -> Period.ofDays(n);
            case "week" -> Period.ofWeeks(n);
            case "month" -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }

    private static Start from(String text, String path, Problems problems) {
        Start from = text == null ? null : Start.ofWord(text);
        if (from == null) {
            problems.add(Problem.of(
                    path,
                    text,
                    "allowed: "
                            + List.of(Start.values()).stream().map(Start::word).toList()));
        }
        return from;
    }

    private static LockMode lock(String text, String path, Problems problems) {
        for (LockMode mode : LockMode.values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
                return mode;
            }
        }
        problems.add(Problem.of(path, text, "allowed: [none, governance, compliance]"));
        return null;
    }
}
