package org.callgate.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prompt directories for tests, so that they do not depend on the recorded prompts in
 * {@code config/prompts}: only existence is checked when a configuration is loaded.
 */
final class TestPrompts {

    /** Every prompt the default lines name. */
    static final List<String> DEFAULT_NAMES = List.of(
            "language",
            "recording-notice",
            "banking-recorded",
            "welcome-private",
            "welcome-business",
            "welcome-riziv-inami",
            "welcome-traffic-fines",
            "menu-private",
            "menu-business",
            "menu-riziv-inami",
            "menu-traffic-fines",
            "sms-offer",
            "sms-sent");

    static final List<String> DEFAULT_LANGUAGES = List.of("nl", "fr", "en");

    private TestPrompts() {}

    /**
     * Makes {@code workingDir} a directory in which the default {@code prompts-dir},
     * {@code config/prompts}, holds every prompt of the default lines; returns {@code workingDir}.
     */
    static Path defaultsIn(Path workingDir) {
        create(workingDir.resolve(CallgateConfig.DEFAULT_PROMPTS_DIR), DEFAULT_LANGUAGES, DEFAULT_NAMES);
        return workingDir;
    }

    /** Creates an empty {@code <dir>/<language>/<name>.wav} for each language and name. */
    static Path create(Path dir, List<String> languages, List<String> names) {
        try {
            for (String language : languages) {
                Files.createDirectories(dir.resolve(language));
                for (String name : names) {
                    Files.write(dir.resolve(language).resolve(name + ".wav"), new byte[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
