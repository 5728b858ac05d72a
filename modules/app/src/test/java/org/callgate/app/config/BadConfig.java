package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a configuration that must be refused and returns the refusal, for the error-message tests. */
final class BadConfig {

    private BadConfig() {}

    /** Loads {@code yaml} from {@code dir/callgate.yaml} (relative paths resolved against {@code dir}). */
    static ConfigException refused(Path dir, String yaml) {
        Path file;
        try {
            file = Files.writeString(dir.resolve("callgate.yaml"), yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, dir));
        assertThat(e).as("loading should fail:%n%s", yaml).isNotNull();
        return e;
    }
}
