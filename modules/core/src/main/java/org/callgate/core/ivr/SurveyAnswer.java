package org.callgate.core.ivr;

import java.util.Objects;

/**
 * The caller's answer to one survey question (R10).
 *
 * @param question the question's prompt name
 * @param score the key pressed, 1 to 5, or null when the caller pressed no answer key in time
 */
public record SurveyAnswer(String question, Integer score) {

    /** The lowest and highest answer keys. */
    public static final int MIN_SCORE = 1;

    public static final int MAX_SCORE = 5;

    public SurveyAnswer {
        Objects.requireNonNull(question, "question");
        if (score != null && (score < MIN_SCORE || score > MAX_SCORE)) {
            throw new IllegalArgumentException("score " + score + " is outside " + MIN_SCORE + ".." + MAX_SCORE);
        }
    }

    public boolean answered() {
        return score != null;
    }

    /** The score, or {@code -} when unanswered: the form of the CDR line. */
    @Override
    public String toString() {
        return question + "=" + (score == null ? "-" : score.toString());
    }
}
