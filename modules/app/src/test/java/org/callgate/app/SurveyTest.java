package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.callgate.app.config.RetentionFiles;
import org.callgate.app.demo.Sipp;
import org.callgate.core.PhoneNumber;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.ivr.SurveyAnswer;
import org.callgate.core.ivr.SurveyResult;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.RequestType;
import org.callgate.media.WavClips;
import org.callgate.records.RightsRequests;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The post-call survey (R10) with real peers: a Java caller that reads callgate's RTP and presses
 * keys by RFC 4733 and SIP INFO, and a SIPp agent queue that answers and hangs up first.
 */
@ExtendWith(SippRequired.class)
class SurveyTest {

    static final String LINES = """
            prompts-dir: ${PROMPTS}
            service-lines:
              - id: private
                name: Private customers
                number: 02 278 50 44
                queue: "sip:private@${AGENT}"
                ivr:
                  languages: [nl]
                  greeting: welcome-private
                  no-input: 2s
                  retries: 0
                  survey-consent: survey-consent
                  survey:
                    questions: [survey-resolved, survey-agent, survey-waiting]
                    thanks: survey-thanks
                  menu:
                    prompt: menu-private
                    options:
                      "2": {queue: "sip:private@${AGENT}"}
            """;
    private static final String DIALLED = "022785044";
    private static final Duration LIMIT = Duration.ofSeconds(40);
    /** Longer than the survey's no-input wait. */
    private static final Duration HOLD = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private GatewayFixture callgate;
    private Sipp agent;
    private final ListAppender<ILoggingEvent> cdr = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        callgate = GatewayFixture.withLines(dir, LINES);
        // The agent answers, talks for 1.5 s and hangs up first.
        agent = callgate.agent("uas-hangup.xml")
                .calls(1)
                .arg("-rtp_echo", "-d", "1500")
                .start();
        cdr.start();
        ((Logger) LoggerFactory.getLogger("callgate.cdr")).addAppender(cdr);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("callgate.cdr")).detachAppender(cdr);
        agent.close();
        callgate.close();
    }

    @Test
    void aCallerWhoConsentedHearsTheQuestionsAfterTheAgentHangsUpAndTheAnswersAreInTheSummary() throws Exception {
        try (RawCaller caller = new RawCaller(callgate.sipPort);
                Talkspurts heard = new Talkspurts(caller.rtp())) {
            reachTheAgent(caller, heard, '1');

            heard.awaitEnd(3, LIMIT); // survey-resolved, heard to the end
            caller.pressRfc4733('4');
            heard.awaitStart(4, LIMIT); // survey-agent
            caller.pressInfo(DIALLED, '5');
            heard.awaitEnd(5, LIMIT); // survey-waiting: no answer
            heard.awaitStart(6, LIMIT); // survey-thanks
            caller.awaitBye(LIMIT);

            List<Talkspurts.Talkspurt> spurts = heard.all();
            assertThat(spurts).hasSize(6);
            assertHeardInFull(spurts.get(2), "survey-resolved");
            assertThat(spurts.get(3).millis())
                    .as("survey-agent, interrupted by the answer")
                    .isLessThan(prompt("survey-agent").toMillis() / 2);
            assertHeardInFull(spurts.get(4), "survey-waiting");
            assertHeardInFull(spurts.get(5), "survey-thanks");
        }
        assertThat(agent.await(LIMIT).allCallsSucceeded())
                .as("agent: %s", agent.output())
                .isTrue();

        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_HANGUP);
        assertThat(summary.ivrTrace().surveyConsent()).isTrue();
        SurveyResult survey = summary.survey();
        assertThat(survey.retentionClass()).isEqualTo("survey");
        assertThat(survey.language()).isEqualTo("nl");
        assertThat(survey.answers())
                .containsExactly(
                        new SurveyAnswer("survey-resolved", 4),
                        new SurveyAnswer("survey-agent", 5),
                        new SurveyAnswer("survey-waiting", null));
        assertThat(survey.completed()).isTrue();
        assertThat(survey.started()).isAfter(summary.answered()).isBefore(summary.ended());
        assertThat(summary.conversation()).isEqualTo(Duration.between(summary.answered(), survey.started()));
        assertThat(cdrLine(summary))
                .endsWith(
                        " survey[class=survey completed=true" + " survey-resolved=4,survey-agent=5,survey-waiting=-]");

        await().atMost(LIMIT).until(() -> callgate.gateway.pendingTraces() == 0);
        ObjectKey key = ObjectKey.of("surveys/"
                + DateTimeFormatter.ofPattern("yyyy/MM/dd")
                        .withZone(ZoneOffset.UTC)
                        .format(summary.started()) + "/"
                + summary.callId() + ".json");
        ObjectInfo stored = callgate.gateway.recordingStore().head(key).orElseThrow();
        assertThat(stored.retention().retentionClass())
                .as("R10: survey data is a record")
                .isEqualTo("survey");
        assertThat(stored.retention().retainUntil())
                .isEqualTo(
                        summary.started().atOffset(ZoneOffset.UTC).plusYears(3).toInstant());
        try (InputStream in = callgate.gateway.recordingStore().get(key)) {
            JsonNode json = new ObjectMapper().readTree(in);
            assertThat(json.get("consent").asBoolean()).isTrue();
            assertThat(json.get("answers").get(1).get("score").asInt()).isEqualTo(5);
        }
    }

    /**
     * The caller holds during the first question for longer than its no-input wait (2 s): the
     * question pauses and goes on from where it was after the resume, and the answer still counts
     * (RFC 3264 §8.4). The hold and the resume are re-INVITEs answered by callgate itself.
     */
    @Test
    void aCallerWhoHoldsDuringTheSurveyHearsTheRestOfTheQuestionAfterResumingAndMayStillAnswer() throws Exception {
        try (RawCaller caller = new RawCaller(callgate.sipPort);
                Talkspurts heard = new Talkspurts(caller.rtp())) {
            reachTheAgent(caller, heard, '1');
            heard.awaitStart(3, LIMIT); // survey-resolved

            assertThat(caller.reInvite(DIALLED, "sendonly"))
                    .startsWith("SIP/2.0 200")
                    .contains("a=recvonly");
            heard.awaitEnd(3, LIMIT);
            Thread.sleep(HOLD.toMillis()); // the caller's hold: what this test is about, not a wait
            assertThat(heard.count())
                    .as("nothing played or timed out during the hold")
                    .isEqualTo(3);
            assertThat(caller.reInvite(DIALLED, "sendrecv"))
                    .startsWith("SIP/2.0 200")
                    .contains("a=sendrecv");
            heard.awaitEnd(4, LIMIT); // the rest of survey-resolved
            caller.pressRfc4733('4');
            heard.awaitStart(5, LIMIT); // survey-agent
            caller.hangUp(DIALLED);

            List<Talkspurts.Talkspurt> spurts = heard.all();
            long expected = prompt("survey-resolved").toMillis();
            assertThat(spurts.get(2).millis() + spurts.get(3).millis())
                    .as("survey-resolved, heard in two parts")
                    .isBetween((long) (expected * 0.9), (long) (expected * 1.1));
        }

        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.survey().answers())
                .containsExactly(new SurveyAnswer("survey-resolved", 4), new SurveyAnswer("survey-agent", null));
    }

    /**
     * The agent's dialog ended with its BYE; a re-INVITE it sends afterwards, while the caller
     * answers the survey, gets 481 (RFC 3261 §12.2.2) and changes nothing for the caller.
     */
    @Test
    void anAgentsReInviteAfterItsByeGets481AndTheSurveyGoesOn() throws Exception {
        agent.close();
        agent = callgate.agent("uas-hangup-reinvite.xml")
                .calls(1)
                .arg("-rtp_echo", "-d", "1500")
                .start();
        try (RawCaller caller = new RawCaller(callgate.sipPort);
                Talkspurts heard = new Talkspurts(caller.rtp())) {
            reachTheAgent(caller, heard, '1');
            heard.awaitStart(3, LIMIT); // survey-resolved
            assertThat(agent.await(LIMIT).allCallsSucceeded())
                    .as("agent got 481: %s", agent.output())
                    .isTrue();
            caller.pressRfc4733('3');
            heard.awaitStart(4, LIMIT); // survey-agent
            caller.hangUp(DIALLED);
        }

        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_HANGUP);
        assertThat(summary.survey().answers())
                .containsExactly(new SurveyAnswer("survey-resolved", 3), new SurveyAnswer("survey-agent", null));
    }

    @Test
    void aCallerWhoHangsUpDuringTheSurveyKeepsTheAnswersGivenSoFar() throws Exception {
        try (RawCaller caller = new RawCaller(callgate.sipPort);
                Talkspurts heard = new Talkspurts(caller.rtp())) {
            reachTheAgent(caller, heard, '1');

            heard.awaitStart(3, LIMIT); // survey-resolved
            caller.pressRfc4733('2'); // while it plays
            heard.awaitStart(4, LIMIT); // survey-agent
            caller.hangUp(DIALLED);
        }

        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_HANGUP);
        assertThat(summary.survey().answers())
                .containsExactly(new SurveyAnswer("survey-resolved", 2), new SurveyAnswer("survey-agent", null));
        assertThat(summary.survey().completed()).isFalse();
    }

    @Test
    void aCallerWhoDidNotConsentGetsByeRightAfterTheAgentsByeWithoutASurvey() throws Exception {
        try (RawCaller caller = new RawCaller(callgate.sipPort);
                Talkspurts heard = new Talkspurts(caller.rtp())) {
            reachTheAgent(caller, heard, '2');

            caller.awaitBye(LIMIT);

            assertThat(heard.count())
                    .as("prompts heard: consent question and greeting only")
                    .isEqualTo(2);
        }
        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_HANGUP);
        assertThat(summary.ivrTrace().surveyConsent()).isFalse();
        assertThat(summary.survey()).isNull();
        assertThat(cdrLine(summary)).doesNotContain("survey[");
    }

    @Test
    void aCallerWhoWithdrewSurveyConsentIsNotAskedAgainAndGetsNoSurvey() throws Exception {
        agent.close();
        callgate.close();
        try (FileRecordingStore store = new FileRecordingStore(dir.resolve("store"), Clock.systemUTC())) {
            RightsRequests.load(
                            store,
                            RetentionFiles.load(GatewayFixture.PROMPTS.resolveSibling("retention"), "default"),
                            Clock.systemUTC())
                    .open(
                            RequestType.WITHDRAWAL,
                            new DataSubject(List.of(PhoneNumber.parse("0475123456")), List.of(), null, null),
                            null,
                            "letter",
                            "dpo");
        }
        start(); // the gateway reads the register at start-up

        try (RawCaller caller = new RawCaller(callgate.sipPort);
                Talkspurts heard = new Talkspurts(caller.rtp())) {
            caller.call(DIALLED);
            heard.awaitStart(1, LIMIT); // welcome-private: no consent question first
            caller.pressRfc4733('2');
            caller.awaitBye(LIMIT);

            assertThat(heard.count()).as("prompts heard: the greeting only").isEqualTo(1);
        }
        CallSummary summary = callgate.nextEndedCall();
        assertThat(summary.reason()).isEqualTo(EndReason.AGENT_HANGUP);
        assertThat(summary.ivrTrace().surveyConsent()).isNull();
        assertThat(summary.survey()).isNull();
    }

    /** Calls the line, answers the consent question with {@code consent}, and presses 2 for the agent. */
    private static void reachTheAgent(RawCaller caller, Talkspurts heard, char consent) throws Exception {
        caller.call(DIALLED);
        heard.awaitStart(1, LIMIT); // survey-consent
        caller.pressRfc4733(consent);
        heard.awaitStart(2, LIMIT); // welcome-private, which a key may interrupt
        caller.pressRfc4733('2');
    }

    private static void assertHeardInFull(Talkspurts.Talkspurt spurt, String prompt) throws Exception {
        long expected = prompt(prompt).toMillis();
        assertThat(spurt.millis()).as("ms of %s received", prompt).isBetween((long) (expected * 0.9), (long)
                (expected * 1.1));
        assertThat(spurt.rms()).as("RMS of %s", prompt).isGreaterThan(500);
    }

    private static Duration prompt(String name) throws Exception {
        return WavClips.read(GatewayFixture.PROMPTS.resolve("nl/" + name + ".wav"))
                .duration();
    }

    private String cdrLine(CallSummary summary) {
        return cdr.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.startsWith("call " + summary.callId() + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CDR line for " + summary.callId()));
    }
}
