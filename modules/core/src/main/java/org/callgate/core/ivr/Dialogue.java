package org.callgate.core.ivr;

import java.util.List;

/**
 * A spoken dialogue with the caller as a pure state machine: events in, {@link IvrCommand}s out.
 * The IVR before the agent ({@link IvrMachine}) and the survey after it ({@link SurveyMachine},
 * R10) are both dialogues, so one driver plays their prompts, arms their timers and feeds them
 * the caller's keys.
 *
 * <p>Implementations are not thread-safe: drive one from one thread (or under one lock).
 */
public interface Dialogue {

    /** The dialogue begins: its first prompts. */
    List<IvrCommand> start();

    /** The caller pressed {@code key} (RFC 4733 event or SIP INFO). */
    List<IvrCommand> onDigit(char key);

    /** The prompts of the last {@link IvrCommand.Play} were played to the end. */
    List<IvrCommand> onPromptsFinished();

    /** The timer of {@link IvrCommand.StartTimer} with this token fired. */
    List<IvrCommand> onTimeout(int token);
}
