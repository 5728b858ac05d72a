package org.callgate.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.callgate.core.call.CallSummary;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.ivr.SurveyAnswer;
import org.callgate.core.ivr.SurveyResult;

/**
 * The answers of one post-call satisfaction survey (R10), kept as a record of class {@value
 * SurveyResult#RETENTION_CLASS} for 3 years from the call's start, not only as a CDR line: the
 * store is what the purge and a data-subject request (R12) can find it in.
 *
 * @param callId callgate's call id
 * @param service the service the call concerned
 * @param time when the call started: retention is counted from here
 * @param language the language the questions were asked in
 * @param answers one per question asked, in order; a null score is a question left unanswered
 * @param consent whether the caller consented at the start of the call (R10: always true for a
 *     survey that took place, kept so the record proves it)
 * @param completed whether every question was asked
 * @param retention class {@code survey}, retain-until the call's start plus the profile's keep
 */
public record SurveyRecord(
        String callId,
        String service,
        Instant time,
        String language,
        List<SurveyAnswer> answers,
        boolean consent,
        boolean completed,
        RecordRetention retention) {

    public SurveyRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(time, "time");
        answers = List.copyOf(answers);
        Objects.requireNonNull(retention, "retention");
    }

    /** The survey of {@code call}, which must have one, kept until {@code retainUntil}. */
    static SurveyRecord of(CallSummary call, Instant retainUntil) {
        SurveyResult survey = Objects.requireNonNull(call.survey(), "a call with a survey");
        boolean consent =
                call.ivrTrace() != null && Boolean.TRUE.equals(call.ivrTrace().surveyConsent());
        return new SurveyRecord(
                call.callId(),
                call.service(),
                call.started(),
                survey.language(),
                survey.answers(),
                consent,
                survey.completed(),
                new RecordRetention(SurveyResult.RETENTION_CLASS, retainUntil, false));
    }
}
