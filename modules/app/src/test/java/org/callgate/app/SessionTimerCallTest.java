package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Session timers (RFC 4028) with real SIPp peers, in real time: a 90 s interval cannot be
 * compressed without breaking the RFC's own 90 s floor, so these calls last minutes. They run
 * beside the rest of the suite ({@code @Execution(CONCURRENT)}, first in order), on RTP ports of
 * their own, and cost the suite no time. Time-compressed cases are in the sip module's
 * {@code B2buaListenerTest.SessionTimers}.
 */
@ExtendWith(SippRequired.class)
@Execution(ExecutionMode.CONCURRENT)
@Order(1)
class SessionTimerCallTest {

    private static final Duration INTERVAL = Duration.ofSeconds(90);
    /** The refresher refreshes half-way through the interval (§10). */
    private static final Duration EVERY = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    /**
     * A caller asking for Session-Expires 90 refreshes by re-INVITE every 45 s for 5 minutes:
     * every refresh is relayed to the agent, whose leg it renews too, and the call lasts until
     * the caller hangs up.
     */
    @Test
    void aFiveMinuteCallRefreshedEvery45SecondsLastsUntilTheCallerHangsUp() throws Exception {
        int refreshes = 6;
        Duration last = Duration.ofSeconds(300).minus(EVERY.multipliedBy(refreshes));
        try (GatewayFixture callgate = GatewayFixture.besideOthers(dir, "10m", 56000)) {
            CallSummary summary = call(
                    callgate,
                    SessionTimerScenarios.refreshingCaller(dir, INTERVAL, refreshes, EVERY, last),
                    SessionTimerScenarios.agent(dir, INTERVAL, refreshes),
                    Duration.ofMinutes(7));

            assertThat(summary.reason()).isEqualTo(EndReason.CALLER_HANGUP);
            assertThat(summary.conversation()).isGreaterThanOrEqualTo(Duration.ofSeconds(300));
        }
    }

    /**
     * A caller that asked for Session-Expires 90 and refreshes itself never does: callgate ends
     * the call with BYE on both legs 60 s after the answer (the interval less a third, §10).
     */
    @Test
    void aCallWhoseRefresherStopsIsEndedWithByeOnBothLegs() throws Exception {
        try (GatewayFixture callgate = GatewayFixture.besideOthers(dir, "10m", 57000)) {
            CallSummary summary = call(
                    callgate,
                    SessionTimerScenarios.silentCaller(dir, INTERVAL, Duration.ofSeconds(120)),
                    SessionTimerScenarios.agent(dir, INTERVAL, 0),
                    Duration.ofMinutes(3));

            assertThat(summary.reason()).isEqualTo(EndReason.SESSION_EXPIRED);
            assertThat(summary.conversation())
                    .as("not before the interval less a third")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        }
    }

    private static CallSummary call(GatewayFixture callgate, Path callerScenario, Path agentScenario, Duration limit)
            throws Exception {
        try (Sipp agent = callgate.agent(agentScenario).calls(1).timeout(limit).start();
                Sipp caller = callgate.caller(callerScenario, "022785044")
                        .calls(1)
                        .timeout(limit)
                        .start()) {
            SippResult call = caller.await(limit);
            assertThat(call.allCallsSucceeded())
                    .as("caller: %s\nagent: %s", call, agent.output())
                    .isTrue();
            SippResult answered = agent.await(limit);
            assertThat(answered.allCallsSucceeded()).as("agent: %s", answered).isTrue();
        }
        return callgate.nextEndedCall();
    }
}
