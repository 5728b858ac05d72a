package org.callgate.app.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.callgate.core.PhoneNumber;

/**
 * The rules for {@code service-lines}: the lines in scope (R5) must be told apart by id and by
 * number, and each must lead to an agent queue; a line's {@code ivr} follows {@link IvrRules}.
 */
final class ServiceLineRules {

    private static final String KEY = "service-lines";
    /** Ids of lines and services: they end up in SIP headers, storage keys and file names. */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    static final String ID_RULE = "must be lower-case letters, digits and '-', starting with a letter";
    /** {@code sip:} or {@code sips:}, optional user, a host (name, IPv4, [IPv6]), port, parameters. */
    private static final Pattern QUEUE =
            Pattern.compile("(?i)sips?:([^@\\s]+@)?(\\[[0-9a-f:.]+]|[a-z0-9][a-z0-9.-]*)(:\\d{1,5})?([;?]\\S*)?");

    private ServiceLineRules() {}

    static void check(List<ServiceLineConfig> lines, Problems problems) {
        problems.require(
                !lines.isEmpty(),
                KEY,
                lines,
                "at least one service line is needed (R5); leave the key out for the four default lines");
        Map<String, String> ids = new HashMap<>();
        Map<PhoneNumber, String> numbers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String path = KeyPaths.index(KEY, i);
            ServiceLineConfig line = lines.get(i);
            id(path, line.id(), ids, problems);
            name(path, line.name(), problems);
            number(path, line.number(), numbers, problems);
            if (problems.present(path + ".queue", line.queue())) {
                queue(path + ".queue", line.queue(), problems);
            }
            if (line.ivr() != null) {
                IvrRules.check(path + ".ivr", line.ivr(), problems);
            }
        }
    }

    private static void id(String path, String id, Map<String, String> seen, Problems problems) {
        String key = path + ".id";
        if (problems.present(key, id) && problems.require(ID.matcher(id).matches(), key, id, ID_RULE)) {
            String first = seen.putIfAbsent(id, path);
            problems.require(first == null, key, id, "already used by " + first);
        }
    }

    private static void name(String path, String name, Problems problems) {
        if (problems.present(path + ".name", name)) {
            problems.require(!name.isBlank(), path + ".name", name, "must not be empty");
        }
    }

    private static void number(String path, String number, Map<PhoneNumber, String> seen, Problems problems) {
        String key = path + ".number";
        if (!problems.present(key, number)) {
            return;
        }
        Optional<PhoneNumber> parsed = parse(key, number, problems);
        if (parsed.isPresent()) {
            String first = seen.putIfAbsent(parsed.get(), path);
            problems.require(first == null, key, number, "same number as " + first + " (" + parsed.get() + ")");
        }
    }

    private static Optional<PhoneNumber> parse(String key, String number, Problems problems) {
        try {
            return Optional.of(PhoneNumber.parse(number));
        } catch (IllegalArgumentException notANumber) {
            // The value is shown before the reason already; drop the copy at the end of the message.
            problems.add(Problem.of(key, number, notANumber.getMessage().replaceFirst(": '.*'$", "")));
            return Optional.empty();
        }
    }

    /** A queue URI at {@code key}: a line's queue, or a menu option's (R15: it must lead to agents). */
    static void queue(String key, String queue, Problems problems) {
        problems.require(
                QUEUE.matcher(queue).matches(),
                key,
                queue,
                "not a sip: or sips: URI with a host, such as sip:private@10.0.0.5:5070");
    }
}
