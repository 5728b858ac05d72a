package org.callgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Predicate;
import javax.sip.SipFactory;
import org.junit.jupiter.api.Test;

class OverloadGateTest {

    private static final long NOW = 1_796_000_000_000L;
    private static final Predicate<SIPRequest> NOTHING_ADMITTED = request -> false;

    private static OverloadGate gate(Duration delay) {
        Properties stack = new Properties();
        StackProperties.withOverloadGate(stack, delay, Duration.ofSeconds(7));
        return OverloadGate.from(stack);
    }

    private static int calls;

    private static SIPRequest request(String method, String toTag) throws Exception {
        return request(method, toTag, "overload-" + ++calls + "@127.0.0.1");
    }

    private static SIPRequest request(String method, String toTag, String callId) throws Exception {
        String text = method + " sip:+3222785044@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-overload-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@127.0.0.1:5070>;tag=caller-1\r\n"
                + "To: <sip:+3222785044@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        return (SIPRequest) SipFactory.getInstance().createMessageFactory().createRequest(text);
    }

    @Test
    void aNewCallIsRefusedWhileRequestsWaitLongerThanTheDelay() throws Exception {
        OverloadGate gate = gate(Duration.ofMillis(100));

        assertThat(gate.refuses(request("INVITE", null), 101, NOW, NOTHING_ADMITTED))
                .isTrue();
        assertThat(gate.refuses(request("INVITE", null), 100, NOW, NOTHING_ADMITTED))
                .isFalse();
        assertThat(gate.refuses(request("INVITE", null), 0, NOW, NOTHING_ADMITTED))
                .isFalse();
    }

    @Test
    void requestsOfAdmittedCallsAreNeverRefused() throws Exception {
        OverloadGate gate = gate(Duration.ofMillis(100));

        assertThat(gate.refuses(request("INVITE", "agent-1"), 5_000, NOW, NOTHING_ADMITTED))
                .as("a re-INVITE")
                .isFalse();
        assertThat(gate.refuses(request("BYE", "agent-1"), 5_000, NOW, NOTHING_ADMITTED))
                .isFalse();
        assertThat(gate.refuses(request("ACK", "agent-1"), 5_000, NOW, NOTHING_ADMITTED))
                .isFalse();
        assertThat(gate.refuses(request("OPTIONS", null), 5_000, NOW, NOTHING_ADMITTED))
                .isFalse();
    }

    @Test
    void aRetransmissionOfAnAdmittedInviteReachesItsTransaction() throws Exception {
        OverloadGate gate = gate(Duration.ofMillis(100));
        SIPRequest invite = request("INVITE", null);

        assertThat(gate.refuses(invite, 5_000, NOW, request -> request == invite))
                .isFalse();
        assertThat(gate.refuses(request("INVITE", null), 5_000, NOW, request -> request == invite))
                .as("another new call")
                .isTrue();
    }

    @Test
    void aRetransmissionReachedBeforeItsAdmittedOriginalsTransactionExistsIsAdmittedToo() throws Exception {
        OverloadGate gate = gate(Duration.ofMillis(100));

        assertThat(gate.refuses(request("INVITE", null, "raced-1"), 20, NOW, NOTHING_ADMITTED))
                .as("the original, taken while the backlog was short")
                .isFalse();
        assertThat(gate.refuses(request("INVITE", null, "raced-1"), 900, NOW + 600, NOTHING_ADMITTED))
                .as("its retransmission, taken by another worker before the original has a transaction")
                .isFalse();
        assertThat(gate.refuses(request("INVITE", null, "raced-2"), 900, NOW + 600, NOTHING_ADMITTED))
                .as("another new call at the same moment")
                .isTrue();
    }

    @Test
    void anOriginalReachedAfterItsRefusedRetransmissionIsRefusedToo() throws Exception {
        OverloadGate gate = gate(Duration.ofMillis(100));

        assertThat(gate.refuses(request("INVITE", null, "late-1"), 900, NOW, NOTHING_ADMITTED))
                .isTrue();
        assertThat(gate.refuses(request("INVITE", null, "late-1"), 0, NOW + 50, NOTHING_ADMITTED))
                .as("the caller took the 503 as final: ringing an agent now would answer nobody")
                .isTrue();
    }

    @Test
    void aDecisionIsForgottenAfterTwoGenerations() throws Exception {
        OverloadGate gate = gate(Duration.ofMillis(100));
        long later = NOW + 2 * AdmissionMemory.SPAN_MILLIS + 1;

        assertThat(gate.refuses(request("INVITE", null, "old-1"), 900, NOW, NOTHING_ADMITTED))
                .isTrue();
        gate.refuses(request("INVITE", null, "old-2"), 0, NOW + AdmissionMemory.SPAN_MILLIS, NOTHING_ADMITTED);
        gate.refuses(request("INVITE", null, "old-3"), 0, later, NOTHING_ADMITTED);

        assertThat(gate.refuses(request("INVITE", null, "old-1"), 0, later, NOTHING_ADMITTED))
                .as("the same Call-ID and CSeq seconds later: the transaction has long ended")
                .isFalse();
    }

    @Test
    void aZeroDelayTurnsTheGateOff() throws Exception {
        OverloadGate gate = gate(Duration.ZERO);

        assertThat(gate).isSameAs(OverloadGate.OFF);
        assertThat(gate.refuses(request("INVITE", null), 60_000, NOW, NOTHING_ADMITTED))
                .isFalse();
        assertThat(gate.retryAfter()).isEmpty();
    }

    @Test
    void theRefusalCarriesTheConfiguredRetryAfter() {
        OverloadGate gate = gate(Duration.ofMillis(100));

        assertThat(gate.retryAfter())
                .singleElement()
                .isInstanceOfSatisfying(
                        RetryAfter.class,
                        header -> assertThat(header.getRetryAfter()).isEqualTo(7));
    }

    @Test
    void theGateAdmitsAgainAsSoonAsTheBacklogIsGone() throws Exception {
        OverloadGate gate = gate(Duration.ofMillis(100));

        assertThat(gate.refuses(request("INVITE", null), 400, NOW, NOTHING_ADMITTED))
                .isTrue();
        assertThat(gate.refuses(request("INVITE", null), 20, NOW + 10, NOTHING_ADMITTED))
                .isFalse();
        assertThat(gate.refuses(request("INVITE", null), 0, NOW + 5_000, NOTHING_ADMITTED))
                .isFalse();
    }
}
