package org.callgate.core.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callgate.core.ivr.IvrOutcome.Reason;
import org.junit.jupiter.api.Test;

/** What the caller's number changes in the IVR: known callers (R15), the SMS link (R9), the survey (R10). */
class IvrCallerFactsTest {

    private static final Menu MENU = new Menu("menu", Map.of('1', new MenuAction.Queue("sip:one@q", null, null)));
    private static final SmsOffer SMS =
            new SmsOffer('9', "sms-offer", "sms-sent", "Find your answer at https://example.be");
    private static final IvrPlan PLAN = new IvrPlan(
            List.of("nl", "fr"),
            "language",
            "welcome",
            null,
            MENU,
            Duration.ofSeconds(5),
            1,
            "sip:default@q",
            SMS,
            "survey-consent");

    @Test
    void aKnownCallerSkipsTheLanguageMenuAndReachesTheDossiersQueue() {
        IvrMachine ivr = new IvrMachine(PLAN, new CallerFacts(false, new KnownCaller("D-1", "fr", "sip:dossier@q")));

        assertThat(ivr.start())
                .containsExactly(new IvrCommand.Play(List.of(new PromptRef("fr", "survey-consent")), true));
        ivr.onDigit('2');
        assertThat(ivr.onPromptsFinished())
                .containsExactly(
                        new IvrCommand.Connect(new IvrOutcome("sip:dossier@q", null, "fr", "", Reason.KNOWN_CALLER)));
    }

    @Test
    void aCallerWhoWithdrewSurveyConsentIsNotAskedAgainAndHasNoConsent() {
        IvrMachine ivr =
                new IvrMachine(PLAN, new CallerFacts(false, new KnownCaller("D-1", "fr", "sip:dossier@q"), true));

        assertThat(ivr.start()) // the greeting, not the consent question
                .containsExactly(new IvrCommand.Play(List.of(new PromptRef("fr", "welcome")), true));
        assertThat(ivr.trace().surveyConsent()).isNull();
    }

    @Test
    void theSurveyAnswerIsKeptAndNoAnswerIsNoConsent() {
        IvrMachine yes = new IvrMachine(PLAN);
        yes.start();
        yes.onDigit('1');
        yes.onDigit('1');
        assertThat(yes.trace().surveyConsent()).isTrue();

        IvrMachine silent = new IvrMachine(PLAN);
        silent.start();
        silent.onDigit('1');
        int timer = ((IvrCommand.StartTimer) silent.onPromptsFinished().get(0)).token();
        assertThat(silent.onTimeout(timer))
                .containsExactly(new IvrCommand.Play(List.of(new PromptRef("nl", "welcome")), true));
        assertThat(silent.trace().surveyConsent()).isNull();
    }

    @Test
    void aLineWithOneLanguageAsksTheSurveyConsentBeforeTheGreeting() {
        IvrMachine ivr = new IvrMachine(new IvrPlan(
                List.of("nl"),
                null,
                "welcome",
                null,
                MENU,
                Duration.ofSeconds(5),
                1,
                "sip:default@q",
                null,
                "survey-consent"));

        assertThat(ivr.start())
                .containsExactly(new IvrCommand.Play(List.of(new PromptRef("nl", "survey-consent")), true));
        assertThat(ivr.onDigit('1'))
                .containsExactly(
                        new IvrCommand.StopPlaying(),
                        new IvrCommand.Play(List.of(new PromptRef("nl", "welcome")), true));
        assertThat(ivr.trace().surveyConsent()).isTrue();
    }

    @Test
    void aMobileCallerIsOfferedTheSmsAndTakingItSendsItAndEndsTheCall() {
        IvrMachine ivr = new IvrMachine(PLAN, new CallerFacts(true, null));
        toMenu(ivr);

        assertThat(ivr.trace().smsOffered()).isTrue();
        assertThat(ivr.onDigit('9'))
                .containsExactly(
                        new IvrCommand.StopPlaying(),
                        new IvrCommand.SendSms(SMS.text(), "nl"),
                        new IvrCommand.Play(List.of(new PromptRef("nl", "sms-sent")), false));
        assertThat(ivr.onPromptsFinished()).containsExactly(new IvrCommand.Hangup());
        assertThat(ivr.trace()).isEqualTo(new IvrTrace(true, true, false));
    }

    @Test
    void aLandlineCallerIsNotOfferedTheSmsAndItsKeyIsNoOption() {
        IvrMachine ivr = new IvrMachine(PLAN, new CallerFacts(false, null));
        List<IvrCommand> menu = toMenu(ivr);

        assertThat(menu).containsExactly(new IvrCommand.Play(List.of(new PromptRef("nl", "menu")), true));
        assertThat(ivr.onDigit('9')).doesNotContain(new IvrCommand.SendSms(SMS.text(), "nl"));
        assertThat(ivr.trace().smsOffered()).isFalse();
    }

    private static List<IvrCommand> toMenu(IvrMachine ivr) {
        ivr.start();
        ivr.onDigit('1');
        ivr.onDigit('2');
        return ivr.onPromptsFinished();
    }
}
