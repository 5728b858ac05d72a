package org.callgate.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that every prompt an IVR names exists as {@code <prompts-dir>/<language>/<name>.wav} for
 * every language of its line.
 *
 * <p>A missing prompt would otherwise show up as silence in the middle of a call, in one language
 * only, possibly the banking announcement that must be heard (R8); here it is one line at
 * start-up naming the key and the file to add. Only existence is checked: the audio format is
 * checked when the prompts are loaded. This is the one part of loading that reads more than the
 * configuration file, so it runs last, on a configuration that passed validation.
 */
final class PromptFiles {

    private static final String PROMPTS_DIR = "prompts-dir";

    private PromptFiles() {}

    /**
     * The prompts {@code config} names that have no file.
     *
     * @param workingDir what a relative {@code prompts-dir} is relative to: the current directory,
     *     {@code Path.of("")}, except in tests
     */
    static List<Problem> missing(CallgateConfig config, Path workingDir) {
        List<ServiceLineConfig> lines = config.serviceLines();
        if (lines.stream().allMatch(line -> line.ivr() == null)) {
            return List.of(); // no IVR, no prompts needed
        }
        Path written = config.promptsDir();
        Path dir = workingDir.resolve(written);
        if (!Files.isDirectory(dir)) {
            return List.of(Problem.of(
                    PROMPTS_DIR,
                    written.toString(),
                    "no such directory " + dir.toAbsolutePath().normalize()));
        }
        List<Problem> missing = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            IvrConfig ivr = lines.get(i).ivr();
            if (ivr == null) {
                continue;
            }
            for (PromptUses.Use use : PromptUses.of(KeyPaths.index("service-lines", i) + ".ivr", ivr)) {
                for (String language : ivr.languages()) {
                    String file = use.name() + ".wav";
                    if (!Files.isRegularFile(dir.resolve(language).resolve(file))) {
                        missing.add(Problem.of(
                                use.path(),
                                use.name(),
                                "no prompt file " + written.resolve(language).resolve(file)));
                    }
                }
            }
        }
        return missing;
    }
}
