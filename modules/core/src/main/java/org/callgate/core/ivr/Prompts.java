package org.callgate.core.ivr;

import org.callgate.core.media.Audio;

/** Where the IVR's prompt audio comes from; loaded once at start-up, so lookups never touch the disk. */
@FunctionalInterface
public interface Prompts {

    /**
     * The audio of a prompt.
     *
     * @throws IllegalArgumentException when the prompt does not exist in that language
     */
    Audio get(PromptRef prompt);
}
