package org.callgate.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each key path of a YAML file sits and what was written there.
 *
 * <p>Records lose positions once bound, yet a validation error must still say
 * {@code file:line:col} and quote the value as written ({@code '60000ms'}, not
 * {@code PT1M}). Reading the tokens once more gives both. The same pass refuses what binding would
 * silently accept: a key given twice (the last would win) and a second YAML document (it would be
 * ignored).
 */
final class SourceMap {

    private static final YAMLFactory YAML = new YAMLFactory();

    private record Position(int line, int column) {
        static Position of(JsonLocation location) {
            return new Position(location.getLineNr(), location.getColumnNr());
        }
    }

    /** {@code shown} is what was written for a scalar, a placeholder or {@code []} for a list or mapping. */
    private record Entry(Position key, Position value, String shown, boolean scalar) {}

    private final String file;
    private final Map<String, Entry> entries = new HashMap<>();
    private Position pendingKey;
    private Entry duplicated;
    private int depth;

    private SourceMap(String file) {
        this.file = file;
    }

    /** Reads {@code text}, named {@code file} in errors. */
    static SourceMap read(String text, String file) throws ConfigException {
        SourceMap map = new SourceMap(file);
        try (JsonParser parser = YAML.createParser(text)) {
            map.index(parser);
        } catch (StreamReadException syntax) {
            throw JacksonErrors.syntax(syntax, file);
        } catch (IOException cannotHappenOnAString) {
            throw new UncheckedIOException(cannotHappenOnAString);
        }
        return map;
    }

    /** True when the file holds no YAML value at all (empty, or comments only). */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * An error about the value at {@code path}; when the file does not have that key, the error
     * points at the nearest enclosing key that it has and shows {@code fallbackValue}.
     */
    ConfigError errorAt(String path, String fallbackValue, String reason) {
        return errorAt(new Problem(path, fallbackValue, reason, List.of()));
    }

    /**
     * An error about the value at the problem's path; when the file does not have that key, the
     * error points at the first of the problem's {@code near} keys the file has, else at the
     * nearest enclosing key, and shows the problem's value. A problem {@linkplain Problem#onKey()
     * on the key} points at the key and shows its value as written.
     */
    ConfigError errorAt(Problem problem) {
        Entry exact = entries.get(problem.path());
        if (exact != null && problem.onKey()) {
            return error(exact.key(), problem.path(), exact.shown(), problem.reason());
        }
        if (exact != null) {
            // As written for a scalar; a list or mapping is shown from its bound value ([udp, udp]).
            String shown = exact.scalar() || Values.NONE.equals(problem.value()) ? exact.shown() : problem.value();
            return error(exact.value(), problem.path(), shown, problem.reason());
        }
        Position at = problem.near().stream()
                .map(entries::get)
                .filter(Objects::nonNull)
                .map(Entry::value)
                .findFirst()
                .orElseGet(() -> enclosing(problem.path()));
        return error(at, problem.path(), problem.value(), problem.reason());
    }

    /** An error about the key at {@code path} itself, such as an unknown key. */
    ConfigError errorAtKey(String path, String reason) {
        Entry exact = entries.get(path);
        Position at = exact != null ? exact.key() : enclosing(path);
        return error(at, path, exact != null ? exact.shown() : Values.NONE, reason);
    }

    private ConfigError error(Position at, String path, String value, String reason) {
        return new ConfigError(file, at.line(), at.column(), KeyPaths.display(path), value, reason);
    }

    private Position enclosing(String path) {
        for (String p = path; !p.isEmpty(); ) {
            p = KeyPaths.parent(p);
            if (entries.containsKey(p)) {
                return entries.get(p).value();
            }
        }
        return new Position(1, 1);
    }

    private void index(JsonParser parser) throws IOException, ConfigException {
        JsonToken previous = null;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            Position here = Position.of(parser.currentTokenLocation());
            if (depth == 0 && previous != null) {
                throw new ConfigException(ConfigError.syntax(
                        file,
                        here.line(),
                        here.column(),
                        "a second YAML document; callgate reads one document per file"));
            }
            switch (token) {
                case FIELD_NAME -> keyAt(parser, here);
                case END_OBJECT, END_ARRAY -> closed(parser, previous);
                default -> valueAt(parser, token, here);
            }
            previous = token;
        }
    }

    private void keyAt(JsonParser parser, Position here) {
        pendingKey = here;
        duplicated = entries.get(KeyPaths.of(parser.getParsingContext()));
    }

    private void valueAt(JsonParser parser, JsonToken token, Position here) throws IOException, ConfigException {
        String path = record(parser, token, pendingKey == null ? here : pendingKey, here);
        if (duplicated != null) {
            int firstLine = duplicated.key().line();
            throw new ConfigException(errorAtKey(path, "duplicate key; first given on line " + firstLine));
        }
        depth += token.isStructStart() ? 1 : 0;
        pendingKey = null;
    }

    /** Leaves a mapping or list; an empty one is shown as such rather than as {@code {...}}. */
    private void closed(JsonParser parser, JsonToken previous) {
        depth--;
        if (previous != null && previous.isStructStart()) {
            String path = KeyPaths.of(parser.getParsingContext());
            Entry entry = entries.get(path);
            String empty = previous == JsonToken.START_ARRAY ? "[]" : "{}";
            entries.put(path, new Entry(entry.key(), entry.value(), empty, false));
        }
    }

    private String record(JsonParser parser, JsonToken token, Position key, Position value) throws IOException {
        String path = token.isStructStart()
                ? KeyPaths.of(parser.getParsingContext().getParent())
                : KeyPaths.of(parser.getParsingContext());
        entries.put(path, new Entry(key, value, shown(parser, token), token.isScalarValue()));
        return path;
    }

    private static String shown(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> "{...}";
            case START_ARRAY -> "[...]";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> Values.show(parser.getText());
            default -> parser.getText();
        };
    }
}
