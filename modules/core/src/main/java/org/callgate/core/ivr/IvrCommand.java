package org.callgate.core.ivr;

import java.time.Duration;
import java.util.List;

/** What the IVR asks the media and signalling layers to do next. */
public sealed interface IvrCommand {

    /** Play prompts one after another; with {@code bargeIn} a key pressed while they play stops them. */
    record Play(List<PromptRef> prompts, boolean bargeIn) implements IvrCommand {
        public Play {
            prompts = List.copyOf(prompts);
        }
    }

    /** Stop what is playing. */
    record StopPlaying() implements IvrCommand {}

    /** Report {@link IvrMachine#onTimeout(int)} with this token after the delay, unless superseded. */
    record StartTimer(Duration after, int token) implements IvrCommand {}

    /** Send the SMS link to the caller (R9), in the caller's language. */
    record SendSms(String text, String language) implements IvrCommand {}

    /**
     * End the call from callgate's side: the caller got what they needed without an agent (the
     * SMS link, R9), or the post-call survey is over (R10).
     */
    record Hangup() implements IvrCommand {}

    /** The IVR is done: connect the caller. */
    record Connect(IvrOutcome outcome) implements IvrCommand {}
}
