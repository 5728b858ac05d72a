package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import org.callgate.core.ivr.SurveyPlan;

/**
 * The {@code survey:} of an IVR (R10): after the agent hangs up, callers who said yes to
 * {@code survey-consent} hear each of {@code questions} and answer with one key from 1 to 5, then
 * hear {@code thanks} before callgate ends the call. Components are null when the file leaves
 * them out; {@link IvrRules} rejects that.
 *
 * @param questions prompt names, asked in this order
 * @param thanks prompt played after the last question
 */
public record SurveyConfig(List<String> questions, String thanks) {

    public SurveyConfig {
        questions = questions == null ? null : List.copyOf(questions);
    }

    @JsonCreator
    static SurveyConfig fromYaml(
            @JsonProperty("questions") List<String> questions, @JsonProperty("thanks") String thanks) {
        return new SurveyConfig(questions, thanks);
    }

    /** The core view; the line's {@code no-input} is also the wait for an answer. */
    SurveyPlan toPlan(Duration noInput) {
        return new SurveyPlan(questions, thanks, noInput);
    }
}
