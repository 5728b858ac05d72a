package org.callgate.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceDirectory;
import org.callgate.core.ServiceLine;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.ivr.CallIndex;
import org.callgate.core.media.AudioSink;
import org.callgate.core.recording.CallRecorder;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingDecision;
import org.callgate.core.recording.RecordingFacts;
import org.junit.jupiter.api.Test;

/**
 * A banking call (R8) whose recorder cannot start, under each {@code recording.on-failure}
 * policy: marked {@code recorder-failed} and counted either way; put through unrecorded with
 * {@code continue}, refused with 503 and never joined to the agent with {@code refuse}.
 */
class RecorderFailureTest {

    private static final String LINE = "+3225551000";
    private static final String CALLER_CALL_ID = "f81d4fae7dec11d0@" + SipMessages.CALLER_HOST;
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final String OFFER = """
            v=0
            o=ann 1 1 IN IP4 %1$s
            s=-
            c=IN IP4 %1$s
            t=0 0
            m=audio 30000 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            """.formatted(SipMessages.CALLER_HOST);
    private static final String ANSWER =
            OFFER.replace("ann", "agent").replace(SipMessages.CALLER_HOST, SipMessages.AGENT_HOST);

    /** A spool that refuses every recording, as a full disk or a vanished directory does. */
    private static final CallRecorder BROKEN_SPOOL = new CallRecorder() {
        @Override
        public AudioSink begin(RecordingFacts facts) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    private final FakeMedia media = new FakeMedia();
    private final List<CallSummary> summaries = new ArrayList<>();
    private SipMessages sip;
    private FakeSipProvider provider;

    @Test
    void underRefuseABankingCallWhoseRecorderFailsGets503AndTheAgentGetsByeInsteadOfTheCaller() throws Exception {
        CallEnder ender = wire(RecorderFailurePolicy.REFUSE);

        callAndAgentAnswers();

        assertThat(sent())
                .containsExactly("caller 100 INVITE", "agent INVITE", "agent ACK", "agent BYE", "caller 503 INVITE");
        Response refused = provider.serverTransaction(invite).last();
        assertThat(refused.getReasonPhrase()).isEqualTo("Recording Unavailable");
        assertThat(media.only().established).as("the legs are never joined").isFalse();
        CallSummary summary = summaries.getFirst();
        assertThat(summary.reason()).isEqualTo(EndReason.RECORDER_FAILED);
        assertThat(summary.answered()).as("no conversation took place").isNull();
        assertThat(summary.recording().headerValue()).isEqualTo("no;reason=recorder-failed;class=banking-recording");
        assertThat(ender.recorderFailures()).isEqualTo(1);
    }

    @Test
    void underContinueABankingCallWhoseRecorderFailsGoesThroughUnrecordedAndMarked() throws Exception {
        CallEnder ender = wire(RecorderFailurePolicy.CONTINUE);

        callAndAgentAnswers();

        assertThat(sent()).containsExactly("caller 100 INVITE", "agent INVITE", "agent ACK", "caller 200 INVITE");
        assertThat(media.only().established).isTrue();
        assertThat(ender.recorderFailures()).isEqualTo(1);
        ender.end(onlyCall(), EndReason.SHUTDOWN, 0, null, null);
        CallSummary summary = summaries.getFirst();
        assertThat(summary.answered()).isEqualTo(NOW);
        assertThat(summary.recording().reason()).isEqualTo(Recording.Reason.RECORDER_FAILED);
        assertThat(summary.recording().retentionClass()).isEqualTo(Recording.BANKING_RECORDING);
    }

    private Request invite;
    private final CallRegistry registry = new CallRegistry();

    private CallEnder wire(RecorderFailurePolicy policy) throws Exception {
        sip = new SipMessages();
        provider = new FakeSipProvider(sip);
        ServiceLine line = new ServiceLine(
                "banking", "Postinfo", PhoneNumber.parse(LINE), "sip:banking@" + SipMessages.AGENT_HOST);
        B2buaSettings settings = new B2buaSettings(
                InetAddress.ofLiteral("127.0.0.1"),
                FakeMedia.CALLGATE,
                5060,
                Set.of("udp"),
                10,
                0,
                Duration.ofSeconds(30),
                Duration.ZERO,
                Duration.ofSeconds(30),
                new ServiceDirectory(List.of(line)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                Outbound.DISABLED,
                SipTls.NONE);
        CallServices services = new CallServices(
                prompt -> {
                    throw new IllegalArgumentException("no prompts: " + prompt);
                },
                CallIndex.EMPTY,
                message -> {},
                new RecordingDecision(0, "unit-test-key", Set.of("banking")),
                ObjectionList.NONE,
                BROKEN_SPOOL,
                policy);
        return SipGateway.wire(
                provider, settings, registry, new Drain(), media, summaries::add, services, new ManualScheduler());
    }

    private void callAndAgentAnswers() throws Exception {
        invite = sip.invite(CALLER_CALL_ID, LINE, OFFER);
        provider.listener().processRequest(new RequestEvent(provider, null, null, invite));
        FakeClientTransaction agentInvite = provider.lastSentToAgent(Request.INVITE);
        assertThat(((ExtensionHeader) agentInvite.getRequest().getHeader("X-Callgate-Recording")).getValue())
                .isEqualTo("yes;reason=banking-mifid;class=banking-recording");
        Response ok = sip.response(agentInvite.getRequest(), Response.OK, "agent-tag", ANSWER);
        FakeDialog dialog = FakeDialog.uac(provider, sip, agentInvite.getRequest(), ok);
        provider.listener().processResponse(new ResponseEvent(provider, agentInvite, dialog, ok));
    }

    private B2buaCall onlyCall() {
        return registry.all().getFirst();
    }

    private List<String> sent() {
        return provider.sent().stream().map(RecorderFailureTest::describe).toList();
    }

    private static String describe(Message message) {
        String leg = SipMessages.callIdOf(message).equals(CALLER_CALL_ID) ? "caller" : "agent";
        String method = ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getMethod();
        return message instanceof Response response
                ? leg + " " + response.getStatusCode() + " " + method
                : leg + " " + method;
    }
}
