package org.callgate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callgate.core.ServiceLine;
import org.callgate.core.ivr.IvrPlan;
import org.callgate.core.ivr.PromptRef;
import org.callgate.core.ivr.Prompts;
import org.callgate.core.media.Audio;
import org.callgate.media.WavClips;

/**
 * Every prompt the configured IVRs can play, read from {@code <dir>/<language>/<name>.wav} once
 * at start-up: a missing or unplayable file stops start-up with its path, rather than leaving a
 * caller in silence later.
 */
final class PromptLibrary implements Prompts {

    private final Map<PromptRef, Audio> clips;

    private PromptLibrary(Map<PromptRef, Audio> clips) {
        this.clips = Map.copyOf(clips);
    }

    /**
     * @throws IllegalArgumentException naming the file that is missing or not 8 kHz mono audio
     */
    static PromptLibrary load(Path dir, List<ServiceLine> lines) {
        Map<PromptRef, Audio> clips = new HashMap<>();
        for (ServiceLine line : lines) {
            IvrPlan plan = line.ivr();
            if (plan == null) {
                continue;
            }
            for (String language : plan.languages()) {
                for (String name : plan.promptNames()) {
                    PromptRef ref = new PromptRef(language, name);
                    if (!clips.containsKey(ref)) {
                        clips.put(ref, read(dir.resolve(language).resolve(name + ".wav")));
                    }
                }
            }
        }
        return new PromptLibrary(clips);
    }

    private static Audio read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("prompt file " + file + " does not exist");
        }
        try {
            return WavClips.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("prompt file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Audio get(PromptRef prompt) {
        Audio audio = clips.get(prompt);
        if (audio == null) {
            throw new IllegalArgumentException("no prompt " + prompt.language() + "/" + prompt.name());
        }
        return audio;
    }

    int size() {
        return clips.size();
    }
}
