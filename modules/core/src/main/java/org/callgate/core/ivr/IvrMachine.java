package org.callgate.core.ivr;

import java.util.ArrayList;
import java.util.List;
import org.callgate.core.ivr.IvrOutcome.Reason;

/**
 * The IVR dialogue of one call as a pure state machine: events in (call answered, key pressed,
 * prompts finished, timer fired), commands out. No audio, no SIP, no clock: the caller of this
 * class plays, times and connects, which is what makes every path testable in microseconds.
 *
 * <p>The dialogue: language choice (when the line offers several), greeting and recording
 * notice, then the menu tree. Keys interrupt prompts (barge-in), except what must be heard in
 * full: the recording notice (R7) with the greeting before it, and the banking announcement (R8). No input, wrong input and exhausted
 * retries all end at the line's default queue: the caller can always reach an agent (R15).
 *
 * <p>Not thread-safe: drive one machine from one thread (or under one lock).
 */
public final class IvrMachine implements Dialogue {

    private enum Stage {
        LANGUAGE,
        SURVEY,
        GREETING,
        MENU,
        ANNOUNCING,
        SMS_SENT,
        DONE
    }

    private final IvrPlan plan;
    private final CallerFacts caller;
    private boolean smsOffered;
    private boolean smsTaken;
    private Boolean surveyConsent;
    private Stage stage;
    private String language;
    private Menu menu;
    private final List<Character> path = new ArrayList<>();
    private int failures;
    private int timer;
    private boolean playing;
    private boolean interruptible;
    private IvrOutcome pending;

    public IvrMachine(IvrPlan plan) {
        this(plan, CallerFacts.UNKNOWN);
    }

    public IvrMachine(IvrPlan plan, CallerFacts caller) {
        this.plan = plan;
        this.caller = caller;
        this.language = plan.languages().get(0);
        this.menu = plan.menu();
    }

    /** The call was answered: the IVR starts talking. */
    @Override
    public List<IvrCommand> start() {
        KnownCaller known = caller.known();
        if (known != null && known.language() != null && plan.languages().contains(known.language())) {
            language = known.language(); // a known caller is not asked again (R15)
            return afterLanguage();
        }
        if (plan.asksLanguage()) {
            stage = Stage.LANGUAGE;
            List<PromptRef> prompts = plan.languages().stream()
                    .map(lang -> new PromptRef(lang, plan.languagePrompt()))
                    .toList();
            return play(prompts, true);
        }
        return afterLanguage(); // one language: nothing to choose, consent is still asked first (R10)
    }

    @Override
    public List<IvrCommand> onDigit(char key) {
        List<IvrCommand> out = new ArrayList<>();
        if (stage == Stage.DONE || !Dtmf.isSymbol(key) || (playing && !interruptible)) {
            return out;
        }
        if (playing) {
            playing = false;
            out.add(new IvrCommand.StopPlaying());
        }
        timer++; // any pending no-input timer is now stale
        out.addAll(
                switch (stage) {
                    case LANGUAGE -> chooseLanguage(key);
                    case SURVEY -> answerSurvey(key);
                    case GREETING, MENU -> choose(key);
                    default -> List.of();
                });
        return out;
    }

    @Override
    public List<IvrCommand> onPromptsFinished() {
        playing = false;
        return switch (stage) {
            case LANGUAGE, SURVEY, MENU -> List.of(new IvrCommand.StartTimer(plan.noInput(), ++timer));
            case GREETING -> afterGreeting();
            case ANNOUNCING -> connect(pending);
            case SMS_SENT -> {
                stage = Stage.DONE;
                yield List.of(new IvrCommand.Hangup());
            }
            default -> List.of();
        };
    }

    @Override
    public List<IvrCommand> onTimeout(int token) {
        if (token != timer || stage == Stage.DONE || playing) {
            return List.of();
        }
        return switch (stage) {
            case LANGUAGE -> afterLanguage(); // no choice: the line's first language (R15: keep going)
            case SURVEY -> greet(); // no answer is no consent (R10)
            case MENU -> failed(Reason.NO_INPUT);
            default -> List.of();
        };
    }

    public boolean done() {
        return stage == Stage.DONE;
    }

    public String language() {
        return language;
    }

    /** SMS offer and survey consent, for the call trace. */
    public IvrTrace trace() {
        return new IvrTrace(smsOffered, smsTaken, surveyConsent);
    }

    private List<IvrCommand> chooseLanguage(char key) {
        int index = key - '1';
        if (index >= 0 && index < plan.languages().size()) {
            language = plan.languages().get(index);
        }
        return afterLanguage();
    }

    /**
     * The survey question comes first, before anything is recorded (R10), then the greeting; a
     * caller who withdrew survey consent is not asked again (R12).
     */
    private List<IvrCommand> afterLanguage() {
        if (plan.surveyConsent() == null || caller.surveyWithdrawn()) {
            return greet();
        }
        stage = Stage.SURVEY;
        return play(List.of(new PromptRef(language, plan.surveyConsent())), true);
    }

    private List<IvrCommand> answerSurvey(char key) {
        if (key == '1' || key == '2') {
            surveyConsent = key == '1';
        }
        return greet();
    }

    private List<IvrCommand> afterGreeting() {
        KnownCaller known = caller.known();
        if (known != null && known.queueUri() != null) {
            return connect(outcome(known.queueUri(), null, Reason.KNOWN_CALLER));
        }
        return enterMenu();
    }

    private List<IvrCommand> greet() {
        stage = Stage.GREETING;
        List<PromptRef> prompts = new ArrayList<>();
        prompts.add(new PromptRef(language, plan.greeting()));
        if (plan.recordingNotice() != null) {
            prompts.add(new PromptRef(language, plan.recordingNotice()));
        }
        // Every caller hears that calls may be recorded (R7): no barge-in while the notice plays.
        return play(prompts, plan.recordingNotice() == null);
    }

    private List<IvrCommand> enterMenu() {
        stage = Stage.MENU;
        List<PromptRef> prompts = new ArrayList<>(List.of(new PromptRef(language, menu.prompt())));
        if (smsOfferable()) {
            smsOffered = true;
            prompts.add(new PromptRef(language, plan.smsOffer().prompt()));
        }
        return play(prompts, true);
    }

    /** The SMS link is offered in the main menu, to mobile callers only (R9). */
    private boolean smsOfferable() {
        return plan.smsOffer() != null && caller.mobile() && menu == plan.menu();
    }

    private List<IvrCommand> choose(char key) {
        stage = Stage.MENU;
        if (smsOffered && menu == plan.menu() && key == plan.smsOffer().key()) {
            smsTaken = true;
            stage = Stage.SMS_SENT;
            List<IvrCommand> out = new ArrayList<>();
            out.add(new IvrCommand.SendSms(plan.smsOffer().text(), language));
            out.addAll(play(List.of(new PromptRef(language, plan.smsOffer().sentPrompt())), false));
            return out;
        }
        MenuAction action = menu.option(key).orElse(null);
        if (action == null) {
            return failed(Reason.INVALID_INPUT);
        }
        path.add(key);
        return switch (action) {
            case MenuAction.Queue queue -> route(queue);
            case MenuAction.Submenu sub -> {
                menu = sub.menu();
                failures = 0;
                yield enterMenu();
            }
            case MenuAction.Repeat repeat -> {
                path.removeLast();
                yield enterMenu();
            }
            case MenuAction.Agent agent -> connect(outcome(plan.defaultQueue(), null, Reason.AGENT_REQUESTED));
        };
    }

    private List<IvrCommand> route(MenuAction.Queue queue) {
        IvrOutcome outcome = outcome(queue.queueUri(), queue.service(), Reason.CHOICE);
        if (queue.announcement() == null) {
            return connect(outcome);
        }
        stage = Stage.ANNOUNCING;
        pending = outcome;
        return play(List.of(new PromptRef(language, queue.announcement())), false);
    }

    private List<IvrCommand> failed(Reason reason) {
        failures++;
        if (failures > plan.retries()) {
            return connect(outcome(plan.defaultQueue(), null, reason));
        }
        return enterMenu();
    }

    private List<IvrCommand> connect(IvrOutcome outcome) {
        stage = Stage.DONE;
        return List.of(new IvrCommand.Connect(outcome));
    }

    private IvrOutcome outcome(String queue, String service, Reason reason) {
        StringBuilder keys = new StringBuilder();
        for (char key : path) {
            keys.append(keys.isEmpty() ? "" : ">").append(key);
        }
        return new IvrOutcome(queue, service, language, keys.toString(), reason);
    }

    private List<IvrCommand> play(List<PromptRef> prompts, boolean bargeIn) {
        playing = true;
        interruptible = bargeIn;
        return List.of(new IvrCommand.Play(prompts, bargeIn));
    }
}
