package org.callgate.core.ivr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The satisfaction survey of one service line (R10): the questions played to the caller after the
 * agent hung up, each answered with one key from 1 to 5, and the thank-you played before callgate
 * ends the call. Only callers who consented at the start of the call hear it
 * ({@link SurveyDecision}).
 *
 * @param questions prompt names, asked in this order
 * @param thanks prompt played after the last question, heard in full
 * @param noInput how long to wait for a key after a question ends; no key leaves it unanswered
 */
public record SurveyPlan(List<String> questions, String thanks, Duration noInput) {

    public SurveyPlan {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a survey needs at least one question");
        }
        Objects.requireNonNull(thanks, "thanks");
        Objects.requireNonNull(noInput, "noInput");
    }
}
