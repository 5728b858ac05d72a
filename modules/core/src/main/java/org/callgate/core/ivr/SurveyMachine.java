package org.callgate.core.ivr;

import java.util.ArrayList;
import java.util.List;

/**
 * The post-call survey (R10) as a pure state machine: each question is played, a key from 1 to
 * 5 answers it (also while it plays: barge-in), no key within the plan's no-input leaves it
 * unanswered, and after the last question the thank-you is played in full before the machine
 * asks to hang up. Other keys are ignored: they neither answer nor interrupt.
 *
 * <p>The answers so far are always available ({@link #answers()}), so a caller who hangs up in
 * the middle keeps what they answered.
 *
 * <p>Not thread-safe: drive one machine from one thread (or under one lock).
 */
public final class SurveyMachine implements Dialogue {

    private enum Stage {
        NEW,
        ASKING,
        THANKING,
        DONE
    }

    private final SurveyPlan plan;
    private final String language;
    private final Integer[] scores;
    private Stage stage = Stage.NEW;
    private int current = -1;
    private boolean playing;
    private int timer;

    /**
     * @param language the language of the call (the IVR's choice), in which every prompt is played
     */
    public SurveyMachine(SurveyPlan plan, String language) {
        this.plan = plan;
        this.language = language;
        this.scores = new Integer[plan.questions().size()];
    }

    /** The agent hung up: the first question. */
    @Override
    public List<IvrCommand> start() {
        if (stage != Stage.NEW) {
            return List.of();
        }
        return ask(0);
    }

    @Override
    public List<IvrCommand> onDigit(char key) {
        if (stage != Stage.ASKING || key < '0' + SurveyAnswer.MIN_SCORE || key > '0' + SurveyAnswer.MAX_SCORE) {
            return List.of();
        }
        scores[current] = key - '0';
        timer++; // a pending no-input timer is now stale
        List<IvrCommand> out = new ArrayList<>();
        if (playing) {
            out.add(new IvrCommand.StopPlaying());
        }
        out.addAll(next());
        return out;
    }

    @Override
    public List<IvrCommand> onPromptsFinished() {
        playing = false;
        return switch (stage) {
            case ASKING -> List.of(new IvrCommand.StartTimer(plan.noInput(), ++timer));
            case THANKING -> {
                stage = Stage.DONE;
                yield List.of(new IvrCommand.Hangup());
            }
            default -> List.of();
        };
    }

    /** No key after a question: it stays unanswered and the next one is asked. */
    @Override
    public List<IvrCommand> onTimeout(int token) {
        if (token != timer || stage != Stage.ASKING || playing) {
            return List.of();
        }
        return next();
    }

    /** One answer per question asked so far, in order; unanswered ones with a null score. */
    public List<SurveyAnswer> answers() {
        List<SurveyAnswer> answers = new ArrayList<>();
        for (int i = 0; i <= current && i < scores.length; i++) {
            answers.add(new SurveyAnswer(plan.questions().get(i), scores[i]));
        }
        return List.copyOf(answers);
    }

    /** Every question was asked: the caller has reached the thank-you. */
    public boolean completed() {
        return stage == Stage.THANKING || stage == Stage.DONE;
    }

    public boolean done() {
        return stage == Stage.DONE;
    }

    public String language() {
        return language;
    }

    private List<IvrCommand> next() {
        if (current + 1 < scores.length) {
            return ask(current + 1);
        }
        stage = Stage.THANKING;
        return play(plan.thanks(), false);
    }

    private List<IvrCommand> ask(int question) {
        stage = Stage.ASKING;
        current = question;
        return play(plan.questions().get(question), true);
    }

    private List<IvrCommand> play(String prompt, boolean bargeIn) {
        playing = true;
        return List.of(new IvrCommand.Play(List.of(new PromptRef(language, prompt)), bargeIn));
    }
}
