package org.callgate.core.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callgate.core.media.LegSide;
import org.junit.jupiter.api.Test;

/** Who gets the post-call survey (R10): consent given at the start, and the agent hung up first. */
class SurveyDecisionTest {

    private static final Menu MENU = new Menu("menu", Map.of('0', new MenuAction.Agent()));
    private static final SurveyPlan SURVEY =
            new SurveyPlan(List.of("survey-resolved"), "survey-thanks", Duration.ofSeconds(5));
    private static final IvrPlan WITH_SURVEY = plan(SURVEY);
    private static final IvrTrace CONSENTED = new IvrTrace(false, false, true);

    @Test
    void aCallerWhoConsentedGetsTheSurveyWhenTheAgentHangsUpFirst() {
        assertThat(SurveyDecision.runs(WITH_SURVEY, CONSENTED, LegSide.AGENT)).isTrue();
    }

    @Test
    void aCallerWhoHangsUpFirstGetsNoSurvey() {
        assertThat(SurveyDecision.runs(WITH_SURVEY, CONSENTED, LegSide.CALLER)).isFalse();
    }

    @Test
    void aCallerWhoSaidNoOrDidNotAnswerGetsNoSurvey() {
        assertThat(SurveyDecision.runs(WITH_SURVEY, new IvrTrace(false, false, false), LegSide.AGENT))
                .isFalse();
        assertThat(SurveyDecision.runs(WITH_SURVEY, new IvrTrace(false, false, null), LegSide.AGENT))
                .isFalse();
    }

    @Test
    void aLineWithConsentButNoSurveyOrWithoutIvrEndsTheCallAsBefore() {
        assertThat(SurveyDecision.runs(plan(null), CONSENTED, LegSide.AGENT)).isFalse();
        assertThat(SurveyDecision.runs(null, null, LegSide.AGENT)).isFalse();
    }

    private static IvrPlan plan(SurveyPlan survey) {
        return new IvrPlan(
                List.of("nl"),
                null,
                "welcome",
                null,
                MENU,
                Duration.ofSeconds(5),
                0,
                "sip:q@h",
                null,
                "survey-consent",
                survey);
    }
}
