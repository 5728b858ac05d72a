package org.callgate.core.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post-call survey (R10): one key from 1 to 5 per question, no input, barge-in, the thank-you. */
class SurveyMachineTest {

    private static final Duration NO_INPUT = Duration.ofSeconds(4);
    private static final SurveyPlan PLAN =
            new SurveyPlan(List.of("survey-resolved", "survey-agent", "survey-waiting"), "survey-thanks", NO_INPUT);

    private final SurveyMachine survey = new SurveyMachine(PLAN, "fr");

    @Test
    void theFirstQuestionIsPlayedInTheCallersLanguageAndMayBeInterrupted() {
        assertThat(survey.start()).containsExactly(play("survey-resolved", true));
        assertThat(survey.answers()).containsExactly(new SurveyAnswer("survey-resolved", null));
        assertThat(survey.completed()).isFalse();
    }

    @Test
    void aKeyAfterTheQuestionAnswersItAndTheNextQuestionFollows() {
        survey.start();
        assertThat(survey.onPromptsFinished()).containsExactly(new IvrCommand.StartTimer(NO_INPUT, 1));

        assertThat(survey.onDigit('4')).containsExactly(play("survey-agent", true));
        assertThat(survey.answers())
                .containsExactly(new SurveyAnswer("survey-resolved", 4), new SurveyAnswer("survey-agent", null));
    }

    @Test
    void aKeyWhileTheQuestionPlaysStopsItAndAnswersIt() {
        survey.start();

        assertThat(survey.onDigit('5')).containsExactly(new IvrCommand.StopPlaying(), play("survey-agent", true));
        assertThat(survey.answers().get(0).score()).isEqualTo(5);
    }

    @Test
    void keysOtherThanOneToFiveAreIgnored() {
        survey.start();

        for (char key : "06789*#".toCharArray()) {
            assertThat(survey.onDigit(key)).as("key %s", key).isEmpty();
        }
        assertThat(survey.answers()).containsExactly(new SurveyAnswer("survey-resolved", null));
        assertThat(survey.onPromptsFinished())
                .as("the question was not interrupted")
                .containsExactly(new IvrCommand.StartTimer(NO_INPUT, 1));
    }

    @Test
    void noKeyWithinNoInputLeavesTheQuestionUnansweredAndAsksTheNextOne() {
        survey.start();
        int token = timerOf(survey.onPromptsFinished());

        assertThat(survey.onTimeout(token)).containsExactly(play("survey-agent", true));
        assertThat(survey.answers())
                .containsExactly(new SurveyAnswer("survey-resolved", null), new SurveyAnswer("survey-agent", null));
    }

    @Test
    void aTimerMadeStaleByAnAnswerChangesNothing() {
        survey.start();
        int stale = timerOf(survey.onPromptsFinished());
        survey.onDigit('3');

        assertThat(survey.onTimeout(stale)).isEmpty();
        assertThat(survey.answers()).hasSize(2);
    }

    @Test
    void afterTheLastQuestionTheThankYouIsHeardInFullThenTheCallIsHungUp() {
        survey.start();
        survey.onDigit('1');
        survey.onDigit('2');

        assertThat(survey.onDigit('3')).containsExactly(new IvrCommand.StopPlaying(), play("survey-thanks", false));
        assertThat(survey.completed()).isTrue();
        assertThat(survey.onDigit('4')).as("keys during the thank-you").isEmpty();
        assertThat(survey.onPromptsFinished()).containsExactly(new IvrCommand.Hangup());
        assertThat(survey.done()).isTrue();
        assertThat(survey.answers()).extracting(SurveyAnswer::score).containsExactly(1, 2, 3);
    }

    @Test
    void aCallerWhoHangsUpMidwayKeepsTheAnswersGivenSoFar() {
        survey.start();
        survey.onDigit('2');
        survey.onPromptsFinished();

        // the caller's BYE arrives now: nothing more is fed to the machine
        assertThat(survey.answers())
                .containsExactly(new SurveyAnswer("survey-resolved", 2), new SurveyAnswer("survey-agent", null));
        assertThat(survey.completed()).isFalse();
    }

    @Test
    void startingTwiceAsksNothingMore() {
        survey.start();

        assertThat(survey.start()).isEmpty();
    }

    @Test
    void aSurveyWithoutQuestionsOrWithoutConsentCannotBePlanned() {
        assertThatThrownBy(() -> new SurveyPlan(List.of(), "survey-thanks", NO_INPUT))
                .isInstanceOf(IllegalArgumentException.class);
        Menu menu = new Menu("menu", java.util.Map.of('0', new MenuAction.Agent()));
        assertThatThrownBy(() -> new IvrPlan(
                        List.of("nl"), null, "welcome", null, menu, NO_INPUT, 0, "sip:q@h", null, null, PLAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R10");
    }

    @Test
    void theSurveysPromptsAreAmongThePlansPrompts() {
        Menu menu = new Menu("menu", java.util.Map.of('0', new MenuAction.Agent()));
        IvrPlan plan = new IvrPlan(
                List.of("nl"), null, "welcome", null, menu, NO_INPUT, 0, "sip:q@h", null, "survey-consent", PLAN);

        assertThat(plan.promptNames())
                .containsAll(Arrays.asList(
                        "survey-consent", "survey-resolved", "survey-agent", "survey-waiting", "survey-thanks"));
    }

    private static IvrCommand.Play play(String prompt, boolean bargeIn) {
        return new IvrCommand.Play(List.of(new PromptRef("fr", prompt)), bargeIn);
    }

    private static int timerOf(List<IvrCommand> commands) {
        return ((IvrCommand.StartTimer) commands.get(0)).token();
    }
}
