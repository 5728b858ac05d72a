package org.callgate.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callgate.core.ivr.SurveyAnswer;
import org.callgate.core.ivr.SurveyResult;
import org.callgate.core.media.LegCounters;
import org.junit.jupiter.api.Test;

/** R4's duration is the conversation with the agent; a post-call survey (R10) is not part of it. */
class CallSummaryTest {

    private static final Instant ANSWERED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant AGENT_HUNG_UP = ANSWERED.plusSeconds(120);
    private static final Instant ENDED = AGENT_HUNG_UP.plusSeconds(25);

    @Test
    void theConversationEndsWhenTheAgentHangsUpAndTheSurveyBegins() {
        SurveyResult survey =
                new SurveyResult("nl", List.of(new SurveyAnswer("survey-resolved", 4)), true, AGENT_HUNG_UP, ENDED);

        assertThat(summary(survey).conversation()).isEqualTo(Duration.ofSeconds(120));
        assertThat(survey.retentionClass()).isEqualTo("survey");
    }

    @Test
    void withoutSurveyTheConversationLastsUntilTheCallEnds() {
        assertThat(summary(null).conversation()).isEqualTo(Duration.ofSeconds(145));
    }

    private static CallSummary summary(SurveyResult survey) {
        LegCounters none = new LegCounters(0, 0, 0, 0, 0, 0, 0, 0);
        return new CallSummary(
                "c1",
                "private",
                "+32475123456",
                ANSWERED.minusSeconds(30),
                ANSWERED,
                ENDED,
                EndReason.AGENT_HANGUP,
                200,
                none,
                none,
                null,
                null,
                null,
                null,
                survey);
    }
}
