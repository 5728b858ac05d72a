package org.callgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.callgate.sms.TestGateway.never;
import static org.callgate.sms.TestGateway.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.sms.SmsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The webhook sender against a real HTTP server on 127.0.0.1 (R9); waits are recorded, not slept. */
class WebhookSmsSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofMillis(500);

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(WebhookSmsSender.class);
    private TestGateway gateway;

    @BeforeEach
    void start() throws IOException {
        gateway = TestGateway.start();
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
        gateway.close();
    }

    @Test
    void aMessageArrivesAsAJsonPostWithItsIdAsIdempotencyKey() throws Exception {
        try (WebhookSmsSender sender = sender(3)) {
            sender.send(TestMessages.message("sms-1"));
        }

        assertThat(gateway.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/send");
            assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("sms-1");
            assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
            JsonNode body = JsonMapper.builder().build().readTree(request.body());
            assertThat(body.properties())
                    .extracting(e -> e.getKey() + "=" + e.getValue().asText())
                    .containsExactly(
                            "id=sms-1",
                            "callId=call-sms-1",
                            "to=+32470123456",
                            "serviceLine=private",
                            "language=nl",
                            "text=" + TestMessages.TEXT,
                            "createdAt=2026-11-25T10:15:30Z");
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void a503IsRetriedAndTheNext200SucceedsWithExactlyTwoRequests() throws Exception {
        gateway.script(status(503), status(200));

        try (WebhookSmsSender sender = sender(3)) {
            sender.send(TestMessages.message("sms-2"));
        }

        assertThat(gateway.received())
                .hasSize(2)
                .allSatisfy(
                        r -> assertThat(r.headers().getFirst("Idempotency-Key")).isEqualTo("sms-2"));
        assertThat(waits).containsExactly(BACKOFF);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 504})
    void aTimeoutATooManyRequestsAndEveryServerErrorAreRetried(int status) throws Exception {
        gateway.script(status(status), status(201));

        try (WebhookSmsSender sender = sender(1)) {
            sender.send(TestMessages.message("sms-3"));
        }

        assertThat(gateway.received()).hasSize(2);
    }

    @Test
    void a400IsNotRetriedAndTheExceptionSays400WithTheAnswer() {
        gateway.script(status(400, "{\"error\": \"unknown sender id\"}"));

        SmsException e = catchThrowableOfType(SmsException.class, () -> send(sender(3), "sms-4"));

        assertThat(e)
                .hasMessageContaining("SMS sms-4")
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("unknown sender id");
        assertThat(gateway.received()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 422})
    void everyOtherClientErrorGivesUpAtOnce(int status) {
        gateway.otherwise(status(status));

        assertThatThrownBy(() -> send(sender(3), "sms-5"))
                .isInstanceOf(SmsException.class)
                .hasMessageContaining("HTTP " + status);
        assertThat(gateway.received()).hasSize(1);
    }

    @Test
    void aGatewayThatNeverAnswersWithinTheTimeoutFailsAfterRetriesPlusOneTries() {
        gateway.otherwise(never());
        WebhookSmsSender sender = new WebhookSmsSender(gateway.url(), Duration.ofMillis(300), 2, BACKOFF, waits::add);

        SmsException e = catchThrowableOfType(SmsException.class, () -> send(sender, "sms-6"));

        assertThat(e).hasMessageContaining("after 3 tries").hasMessageContaining("no answer within 300 ms");
        assertThat(gateway.received()).hasSize(3);
        assertThat(waits).containsExactly(BACKOFF, BACKOFF.multipliedBy(2));
    }

    @Test
    void eachWaitIsTwiceTheOneBefore() {
        gateway.otherwise(status(503));

        assertThatThrownBy(() -> send(sender(3), "sms-7"))
                .isInstanceOf(SmsException.class)
                .hasMessageContaining("after 4 tries; last: HTTP 503");
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(gateway.received()).hasSize(4);
    }

    @Test
    void noRetriesMeansOneTry() {
        gateway.otherwise(status(503));

        assertThatThrownBy(() -> send(sender(0), "sms-8")).hasMessageContaining("after 1 try;");
        assertThat(gateway.received()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aGatewayThatIsNotListeningIsRetriedAsAnIoErrorAndTheCauseIsKept() {
        URI closed = gateway.url();
        gateway.close();

        SmsException e = catchThrowableOfType(SmsException.class, () -> send(sender(closed, 1), "sms-9"));

        assertThat(e).hasMessageContaining("after 2 tries").hasCauseInstanceOf(IOException.class);
        assertThat(waits).containsExactly(BACKOFF);
    }

    @Test
    void logsAndErrorsNameTheMessageButNeitherTheNumberTheTextNorTheApiKey() {
        // A gateway that echoes what it was sent must not make callgate log personal data (R11).
        gateway.script(
                status(503),
                status(
                        400,
                        "{\"error\": \"cannot send '" + TestMessages.TEXT + "' to " + TestMessages.NUMBER
                                + " (0470 12 34 56)\"}"));

        SmsException e = catchThrowableOfType(SmsException.class, () -> send(sender(3), "sms-10"));

        List<String> lines = logs.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("sms-10", "call-sms-10"));
        assertThat(lines.get(0)).contains("HTTP 503");
        assertThat(lines.get(1)).contains("HTTP 400");
        assertThat(e)
                .hasMessageContaining("[text]")
                .hasMessageContaining("[to]")
                .hasMessageContaining("[number]");
        for (String said : concat(lines, e.getMessage())) {
            assertThat(said)
                    .contains("http://127.0.0.1:")
                    .doesNotContain(TestMessages.NUMBER, "0470 12", "12 34 56", TestMessages.TEXT, "track.example")
                    .doesNotContain("s3cr3t");
        }
    }

    @Test
    void aUrlThatIsNotHttpOrHttpsWithAHostIsRefused() {
        assertThatThrownBy(() -> sender(URI.create("ftp://gateway.example/send"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> sender(URI.create("http:/send"), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private WebhookSmsSender sender(int retries) {
        return sender(gateway.url(), retries);
    }

    private WebhookSmsSender sender(URI url, int retries) {
        return new WebhookSmsSender(url, TIMEOUT, retries, BACKOFF, waits::add);
    }

    private static void send(WebhookSmsSender sender, String id) throws SmsException {
        try (sender) {
            sender.send(TestMessages.message(id));
        }
    }

    private static List<String> concat(List<String> lines, String more) {
        return java.util.stream.Stream.concat(lines.stream(), java.util.stream.Stream.of(more))
                .toList();
    }
}
