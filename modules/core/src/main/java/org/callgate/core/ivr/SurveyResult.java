package org.callgate.core.ivr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the caller answered in the post-call survey, kept with the call (R10). Survey data has
 * its own retention class, {@value #RETENTION_CLASS} (3 years, R10), carried from the moment the
 * result exists so that storage and purge never have to guess it.
 *
 * @param retentionClass always {@value #RETENTION_CLASS}
 * @param language the language the questions were asked in
 * @param answers one per question asked, in order; a caller who hung up keeps the answers given
 *     so far, the question being asked then counts as unanswered and later ones are absent
 * @param completed whether every question was asked (the caller heard or was hearing the thanks)
 * @param started when the agent's BYE arrived and the survey began; the conversation ends here
 * @param ended when the survey ended (BYE sent to or received from the caller)
 */
public record SurveyResult(
        String retentionClass,
        String language,
        List<SurveyAnswer> answers,
        boolean completed,
        Instant started,
        Instant ended) {

    /** The retention class of survey data (R10: kept 3 years). */
    public static final String RETENTION_CLASS = "survey";

    public SurveyResult {
        if (!RETENTION_CLASS.equals(retentionClass)) {
            throw new IllegalArgumentException("survey data has retention class " + RETENTION_CLASS);
        }
        Objects.requireNonNull(language, "language");
        answers = List.copyOf(answers);
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
    }

    /** A result of retention class {@value #RETENTION_CLASS}. */
    public SurveyResult(
            String language, List<SurveyAnswer> answers, boolean completed, Instant started, Instant ended) {
        this(RETENTION_CLASS, language, answers, completed, started, ended);
    }
}
