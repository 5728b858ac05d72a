package org.callgate.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.callgate.store.RetentionProfile;
import org.callgate.store.RetentionProfile.Rule;

/**
 * Reads a retention profile, {@code <retention-dir>/<name>.yaml}, into a {@link RetentionProfile},
 * or says in one line per problem what is wrong and where (REQUIREMENTS "what follows" 1: retention
 * is a policy in configuration). Every class of {@link RetentionLaw} must be there, with a {@code
 * keep} ({@code 1 year}, {@code 6 months}), the event it runs {@code from}, its {@code lock} and its
 * {@code basis}, within what the law allows ({@link RetentionLaw}).
 *
 * <p>When the directory is the default one and holds no such file (callgate started outside its
 * installation directory, or on embedded defaults), the copy built into callgate from the same
 * {@code config/retention} files is read instead, as {@code callgate.yaml} falls back on its
 * embedded defaults.
 */
public final class RetentionFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final String CLASSES = "classes";

    private RetentionFiles() {}

    /**
     * The profile {@code name} from {@code dir}.
     *
     * @throws ConfigException naming the file, key, value and reason of each problem
     */
    public static RetentionProfile load(Path dir, String name) throws ConfigException {
        return load(Path.of(""), dir, name);
    }

    /** {@link #load(Path, String)}, with a relative {@code dir} relative to {@code workingDir}. */
    static RetentionProfile load(Path workingDir, Path dir, String name) throws ConfigException {
        Path file = workingDir.resolve(dir).resolve(name + ".yaml");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = builtIn(dir, name, file, e);
        } catch (IOException e) {
            throw new ConfigException(ConfigError.unplaced(file.toString(), "cannot read: " + e.getMessage()), e);
        }
        return parse(text, file.toString(), name);
    }

    /** A problem at {@code store.retention-profile} when the profile it names has no file. */
    static List<Problem> missing(CallgateConfig config, Path workingDir) {
        String name = config.store().retentionProfile();
        Path file = workingDir.resolve(config.retentionDir()).resolve(name + ".yaml");
        boolean builtIn = config.retentionDir().equals(CallgateConfig.DEFAULT_RETENTION_DIR)
                && RetentionFiles.class.getResource("/retention/" + name + ".yaml") != null;
        if (Files.isRegularFile(file) || builtIn) {
            return List.of();
        }
        return List.of(Problem.of("store.retention-profile", name, "no such profile: no file " + file));
    }

    private static String builtIn(Path dir, String name, Path file, NoSuchFileException missing)
            throws ConfigException {
        if (dir.equals(CallgateConfig.DEFAULT_RETENTION_DIR)) {
            try (InputStream in = RetentionFiles.class.getResourceAsStream("/retention/" + name + ".yaml")) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new ConfigException(ConfigError.unplaced(file.toString(), "cannot read: " + e), e);
            }
        }
        throw new ConfigException(
                ConfigError.unplaced(file.toString(), "no such retention profile (store.retention-profile)"), missing);
    }

    static RetentionProfile parse(String text, String file, String name) throws ConfigException {
        SourceMap source = SourceMap.read(text, file);
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw JacksonErrors.syntax(e, file);
        }
        Problems problems = new Problems();
        List<Rule> rules = rules(root, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(
                    problems.list().stream().map(source::errorAt).toList(), null);
        }
        return new RetentionProfile(name, rules);
    }

    private static List<Rule> rules(JsonNode root, Problems problems) {
        List<Rule> rules = new ArrayList<>();
        JsonNode classes = root == null ? null : root.get(CLASSES);
        if (classes == null || !classes.isObject()) {
            problems.add(Problem.of(CLASSES, Values.NONE, "required: a mapping of retention classes"));
            return rules;
        }
        if (root.size() > 1) {
            root.fieldNames()
                    .forEachRemaining(key ->
                            problems.require(key.equals(CLASSES), key, Values.NONE, "unknown key; allowed: [classes]"));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = classes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String path = CLASSES + "." + entry.getKey();
            if (!RetentionLaw.CLASSES.contains(entry.getKey())) {
                problems.add(
                        Problem.of(path, entry.getKey(), "unknown retention class; allowed: " + RetentionLaw.CLASSES)
                                .atKey());
                continue;
            }
            RetentionRule.of(entry.getKey(), entry.getValue(), path, problems).ifPresent(rules::add);
        }
        for (String required : RetentionLaw.CLASSES) {
            problems.require(
                    classes.has(required), CLASSES + "." + required, Values.NONE, "required: every class has a rule");
        }
        return rules;
    }
}
