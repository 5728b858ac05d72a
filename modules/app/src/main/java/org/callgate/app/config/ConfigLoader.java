package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code callgate.yaml} into a validated {@link CallgateConfig}, or says in one line what is
 * wrong and where.
 *
 * <p>Four stages, each stopping the load: the YAML is read (syntax, duplicate keys, a second
 * document), bound to the records (unknown keys, wrong types, bad durations; the first error
 * stops binding), validated ({@link ConfigValidator}; every error is reported, in file order),
 * then the IVR prompt files are looked for ({@link PromptFiles}; every missing file is reported).
 * A file, section or key left out takes the default from the records' {@code defaults()}.
 *
 * <p>{@code FAIL_ON_MISSING_CREATOR_PROPERTIES} stays off on purpose: every section key has a
 * default, and the required service-line keys are checked by the validator, which can name the key.
 * {@code FAIL_ON_NULL_FOR_PRIMITIVES} is on as a guard should a primitive creator parameter ever
 * appear; today every creator takes boxed values and fills {@code null} from the defaults.
 */
public final class ConfigLoader {

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            // Only the @JsonCreator parameters are keys; record fields and accessors are not.
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .addModule(new SimpleModule("callgate-config").addDeserializer(Duration.class, new DurationDeserializer()))
            .build();

    private static final Comparator<ConfigError> IN_FILE_ORDER =
            Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column);

    private ConfigLoader() {}

    /**
     * Loads and validates {@code file} (UTF-8 YAML), and checks that every IVR prompt it names
     * has a file in every language of its line; a relative {@code prompts-dir} is relative to the
     * current directory.
     *
     * @throws ConfigException naming the file, position, key, value and reason of what is wrong
     */
    public static CallgateConfig load(Path file) throws ConfigException {
        return load(file, Path.of(""));
    }

    /**
     * The built-in configuration, as if the file were empty: what {@code callgate demo} runs.
     * Reads nothing from disk, so its prompt files are not checked here; the prompts are loaded,
     * and missing ones reported, when callgate starts.
     */
    public static CallgateConfig defaults() {
        return CallgateConfig.defaults();
    }

    /** {@link #load(Path)}, with a relative {@code prompts-dir} relative to {@code workingDir}. */
    static CallgateConfig load(Path file, Path workingDir) throws ConfigException {
        String name = file.toString();
        String text = read(file);
        SourceMap source = SourceMap.read(text, name);
        CallgateConfig config = source.isEmpty() ? CallgateConfig.defaults() : bind(text, name, source);
        failOn(ConfigValidator.validate(config), source);
        failOn(NodeRules.check(config), source);
        failOn(PromptFiles.missing(config, workingDir), source);
        failOn(RetentionFiles.missing(config, workingDir), source);
        RetentionFiles.load(
                workingDir, config.retentionDir(), config.store().retentionProfile()); // errors name that file
        return config;
    }

    private static void failOn(List<Problem> problems, SourceMap source) throws ConfigException {
        List<ConfigError> errors =
                problems.stream().map(source::errorAt).sorted(IN_FILE_ORDER).toList();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors, null);
        }
    }

    private static CallgateConfig bind(String text, String file, SourceMap source) throws ConfigException {
        try {
            CallgateConfig bound = MAPPER.readValue(text, CallgateConfig.class);
            return Objects.requireNonNullElseGet(bound, CallgateConfig::defaults); // a document of just "~"
        } catch (JsonMappingException e) {
            throw JacksonErrors.binding(e, source);
        } catch (JsonProcessingException e) {
            throw JacksonErrors.syntax(e, file);
        }
    }

    private static String read(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw cannotRead(file, "a directory, not a file", null);
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw cannotRead(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw cannotRead(file, "permission denied", e);
        } catch (CharacterCodingException e) {
            throw cannotRead(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw cannotRead(file, String.valueOf(e.getMessage()), e);
        }
    }

    private static ConfigException cannotRead(Path file, String reason, IOException cause) {
        return new ConfigException(ConfigError.unplaced(file.toString(), "cannot read: " + reason), cause);
    }
}
