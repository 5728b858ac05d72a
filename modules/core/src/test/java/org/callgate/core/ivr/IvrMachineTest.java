package org.callgate.core.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callgate.core.ivr.IvrOutcome.Reason;
import org.junit.jupiter.api.Test;

class IvrMachineTest {

    private static final String DEFAULT = "sip:private@queue";
    private static final Menu MAIN = new Menu(
            "menu-private",
            Map.of(
                    '1', new MenuAction.Queue("sip:banking@queue", "banking", "banking-recorded"),
                    '2', new MenuAction.Queue("sip:parcels@queue", null, null),
                    '3',
                            new MenuAction.Submenu(new Menu(
                                    "menu-sub", Map.of('1', new MenuAction.Queue("sip:sub@queue", null, null)))),
                    '0', new MenuAction.Agent(),
                    '*', new MenuAction.Repeat()));
    private static final IvrPlan PLAN = new IvrPlan(
            List.of("nl", "fr", "en"),
            "language",
            "welcome",
            "recording-notice",
            MAIN,
            Duration.ofSeconds(5),
            2,
            DEFAULT);

    private final IvrMachine ivr = new IvrMachine(PLAN);

    @Test
    void theLanguageMenuIsPlayedInEveryOfferedLanguageFirst() {
        assertThat(ivr.start())
                .containsExactly(new IvrCommand.Play(
                        List.of(
                                new PromptRef("nl", "language"),
                                new PromptRef("fr", "language"),
                                new PromptRef("en", "language")),
                        true));
    }

    @Test
    void keyTwoChoosesFrenchAndTheGreetingAndNoticeFollowInFrench() {
        ivr.start();

        List<IvrCommand> commands = ivr.onDigit('2');

        assertThat(commands)
                .containsExactly(
                        new IvrCommand.StopPlaying(),
                        new IvrCommand.Play(
                                List.of(new PromptRef("fr", "welcome"), new PromptRef("fr", "recording-notice")),
                                false));
        assertThat(ivr.language()).isEqualTo("fr");
    }

    @Test
    void bankingIsAnnouncedInFullThenConnectedAsTheBankingService() {
        toMenu();

        assertThat(ivr.onDigit('1'))
                .containsExactly(
                        new IvrCommand.StopPlaying(),
                        new IvrCommand.Play(List.of(new PromptRef("nl", "banking-recorded")), false));
        assertThat(ivr.onDigit('2'))
                .as("keys during the banking notice are ignored")
                .isEmpty();
        assertThat(ivr.onPromptsFinished())
                .containsExactly(new IvrCommand.Connect(
                        new IvrOutcome("sip:banking@queue", "banking", "nl", "1", Reason.CHOICE)));
        assertThat(ivr.done()).isTrue();
    }

    @Test
    void aSubmenuChoiceRecordsThePathThroughBothMenus() {
        toMenu();
        ivr.onDigit('3');

        assertThat(ivr.onDigit('1'))
                .containsExactly(
                        new IvrCommand.StopPlaying(),
                        new IvrCommand.Connect(new IvrOutcome("sip:sub@queue", null, "nl", "3>1", Reason.CHOICE)));
    }

    @Test
    void noInputAfterEveryRetryReachesTheDefaultQueue() {
        toMenu();
        int timer = startedTimer(ivr.onPromptsFinished());
        for (int retry = 0; retry < PLAN.retries(); retry++) {
            assertThat(ivr.onTimeout(timer))
                    .containsExactly(new IvrCommand.Play(List.of(new PromptRef("nl", "menu-private")), true));
            timer = startedTimer(ivr.onPromptsFinished());
        }

        assertThat(ivr.onTimeout(timer))
                .containsExactly(new IvrCommand.Connect(new IvrOutcome(DEFAULT, null, "nl", "", Reason.NO_INPUT)));
    }

    @Test
    void wrongKeysAfterEveryRetryReachTheDefaultQueue() {
        toMenu();
        ivr.onDigit('7');
        ivr.onDigit('8');

        assertThat(ivr.onDigit('9'))
                .contains(new IvrCommand.Connect(new IvrOutcome(DEFAULT, null, "nl", "", Reason.INVALID_INPUT)));
    }

    @Test
    void zeroAsksForAnAgent() {
        toMenu();

        assertThat(ivr.onDigit('0'))
                .contains(new IvrCommand.Connect(new IvrOutcome(DEFAULT, null, "nl", "0", Reason.AGENT_REQUESTED)));
    }

    @Test
    void aTimerThatWasSupersededByAKeyDoesNothing() {
        toMenu();
        int timer = startedTimer(ivr.onPromptsFinished());
        ivr.onDigit('*');

        assertThat(ivr.onTimeout(timer)).isEmpty();
    }

    @Test
    void noLanguageChoiceKeepsTheFirstLanguage() {
        ivr.start();
        int timer = startedTimer(ivr.onPromptsFinished());

        assertThat(ivr.onTimeout(timer))
                .containsExactly(new IvrCommand.Play(
                        List.of(new PromptRef("nl", "welcome"), new PromptRef("nl", "recording-notice")), false));
    }

    @Test
    void keysDuringTheRecordingNoticeAreIgnoredSoEveryCallerHearsIt() {
        ivr.start();
        ivr.onDigit('1');

        assertThat(ivr.onDigit('2')).isEmpty();
    }

    @Test
    void withoutARecordingNoticeAKeyDuringTheGreetingIsTakenAsTheMenuChoice() {
        IvrMachine noNotice = new IvrMachine(
                new IvrPlan(List.of("nl"), null, "welcome", null, MAIN, Duration.ofSeconds(5), 2, DEFAULT));
        assertThat(noNotice.start())
                .containsExactly(new IvrCommand.Play(List.of(new PromptRef("nl", "welcome")), true));

        assertThat(noNotice.onDigit('2'))
                .containsExactly(
                        new IvrCommand.StopPlaying(),
                        new IvrCommand.Connect(new IvrOutcome("sip:parcels@queue", null, "nl", "2", Reason.CHOICE)));
    }

    private void toMenu() {
        ivr.start();
        ivr.onDigit('1');
        assertThat(ivr.onPromptsFinished())
                .containsExactly(new IvrCommand.Play(List.of(new PromptRef("nl", "menu-private")), true));
    }

    private static int startedTimer(List<IvrCommand> commands) {
        assertThat(commands).hasSize(1).first().isInstanceOf(IvrCommand.StartTimer.class);
        return ((IvrCommand.StartTimer) commands.get(0)).token();
    }
}
