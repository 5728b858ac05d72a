package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Limits that keep callgate and the platform healthy: the call limit and dead-media detection. */
@ExtendWith(SippRequired.class)
class ProtectionTest {

    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void aCallOverTheConfiguredLimitGets503WithRetryAfter() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withCallLimit(dir, 1)) {
            secondCallIsRefusedWhileTheFirstCompletes(callgate);
        }
    }

    @Test
    void aCallOverTheSetupRateGets503WithRetryAfterWhileTheAdmittedOneCompletes() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withSetupRateAndStoppedClock(dir, 1)) {
            secondCallIsRefusedWhileTheFirstCompletes(callgate);
        }
    }

    /** One call is set up and talks; a second one meanwhile gets 503 with Retry-After and leaves nothing behind. */
    private static void secondCallIsRefusedWhileTheFirstCompletes(GatewayFixture callgate) throws Exception {
        try (Sipp agent = callgate.agent("uas-answer.xml")
                        .calls(1)
                        .arg("-rtp_echo")
                        .start();
                Sipp first = callgate.caller("uac-call.xml", "022785044")
                        .arg("-d", "3000")
                        .start()) {
            // an event, not a guess: the first call is up; the bound is SIPp's own, for a busy machine
            org.awaitility.Awaitility.await().atMost(LIMIT).until(() -> callgate.gateway.activeCalls() == 1);
            try (Sipp second =
                    callgate.caller("uac-expect-503.xml", "022785044").start()) {
                SippResult refused = second.await(LIMIT);
                assertThat(refused.allCallsSucceeded())
                        .as("503 with Retry-After: %s", refused)
                        .isTrue();
            }
            assertThat(first.await(LIMIT).allCallsSucceeded())
                    .as("the first call is unharmed: %s", first.output())
                    .isTrue();
            assertThat(agent.await(LIMIT).allCallsSucceeded()).isTrue();
        }
        org.awaitility.Awaitility.await().atMost(LIMIT).until(() -> callgate.gateway.activeCalls() == 0);
        assertThat(callgate.gateway.openMediaSessions())
                .as("the refused call left no media behind")
                .isZero();
    }

    @Test
    void aCallWithoutMediaIsEndedWithByeOnBothLegsAndItsCdrNamesTheSipCallId() throws Exception {
        Logger cdrLogger = (Logger) LoggerFactory.getLogger("callgate.cdr");
        ListAppender<ILoggingEvent> cdr = new ListAppender<>();
        cdr.start();
        cdrLogger.addAppender(cdr);
        try {
            callWithoutMediaIsEnded(cdr);
        } finally {
            cdrLogger.detachAppender(cdr);
        }
    }

    private void callWithoutMediaIsEnded(ListAppender<ILoggingEvent> cdr) throws Exception {
        try (GatewayFixture callgate = GatewayFixture.withMediaTimeout(dir, "2s")) {
            try (Sipp agent = callgate.agent("uas-answer.xml").calls(1).start();
                    Sipp caller = callgate.caller("uac-silent.xml", "022785044").start()) {
                SippResult call = caller.await(LIMIT);
                assertThat(call.allCallsSucceeded())
                        .as("caller got BYE: %s", call)
                        .isTrue();
                assertThat(agent.await(LIMIT).allCallsSucceeded())
                        .as("agent got BYE: %s", agent.output())
                        .isTrue();
            }
            CallSummary summary = callgate.nextEndedCall();

            assertThat(summary.reason()).isEqualTo(EndReason.MEDIA_TIMEOUT);
            assertThat(cdr.list).singleElement().satisfies(line -> {
                assertThat(line.getMDCPropertyMap()).containsEntry("call", summary.callId());
                assertThat(line.getMDCPropertyMap().get("callId"))
                        .as("the caller's SIP Call-ID")
                        .isNotBlank();
            });
            assertThat(summary.conversation()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
            assertThat(callgate.gateway.openMediaSessions()).isZero();
        }
    }
}
