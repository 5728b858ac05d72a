package org.callgate.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceDirectory;
import org.callgate.core.ServiceLine;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.ivr.CallIndex;
import org.callgate.core.recording.CallRecorder;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.recording.RecordingDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The B2BUA driven through its {@link javax.sip.SipListener} as the stack would drive it, with
 * real RI messages but no stack, sockets or media: {@link FakeSipProvider} captures what callgate
 * sends, {@link ManualScheduler} owns time. Each step feeds one event and reads what went out,
 * written {@code "<leg> <method>"} for requests and {@code "<leg> <status> <method>"} for
 * responses, the leg told by the Call-ID.
 *
 * <p>The line has no IVR, so a call goes straight to its queue (the IVR runs prompts on threads of
 * its own and is covered end to end with SIPp in {@code modules/app}).
 */
class B2buaListenerTest {

    private static final String LINE = "+3225551000";
    private static final String QUEUE = "sip:sales@" + SipMessages.AGENT_HOST;
    private static final String CALLER_CALL_ID = "a84b4c76e66710@" + SipMessages.CALLER_HOST;
    private static final String AGENT_TAG = "agent-tag";
    private static final Duration NO_ANSWER = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final String OFFER = sdp("ann", SipMessages.CALLER_HOST, 30000, "0 8 101", "sendrecv");
    private static final String ANSWER = sdp("agent", SipMessages.AGENT_HOST, 50000, "0 101", "sendrecv");

    private final FakeMedia media = new FakeMedia();
    private final ManualScheduler timers = new ManualScheduler();
    private final CallRegistry registry = new CallRegistry();
    private final Drain drain = new Drain();
    private final List<CallSummary> summaries = new ArrayList<>();
    private SipMessages sip;
    private FakeSipProvider provider;
    private List<Message> last = List.of();

    private Request callerInvite;
    private FakeServerTransaction callerTx;
    private FakeClientTransaction agentInvite;
    private FakeDialog agentDialog;
    private Response agentOk;

    @BeforeEach
    void wireTheB2bua() throws Exception {
        wire(null);
    }

    /** Wires the B2BUA, sending its out-of-dialog requests through {@code outboundProxy} when not null. */
    private void wire(String outboundProxy) throws Exception {
        sip = new SipMessages();
        provider = new FakeSipProvider(sip);
        ServiceLine line = new ServiceLine("sales", "Sales", PhoneNumber.parse(LINE), QUEUE);
        B2buaSettings settings = new B2buaSettings(
                InetAddress.ofLiteral("127.0.0.1"),
                FakeMedia.CALLGATE,
                5060,
                Set.of("udp"),
                10,
                0,
                Duration.ofSeconds(30),
                Duration.ZERO,
                NO_ANSWER,
                new ServiceDirectory(List.of(line)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                Outbound.DISABLED,
                SipTls.NONE,
                outboundProxy);
        CallServices services = new CallServices(
                prompt -> {
                    throw new IllegalArgumentException("no prompts in these tests: " + prompt);
                },
                CallIndex.EMPTY,
                message -> {},
                new RecordingDecision(0, "unit-test-key", Set.of()),
                ObjectionList.NONE,
                CallRecorder.NONE);
        SipGateway.wire(provider, settings, registry, drain, media, summaries::add, services, timers);
    }

    @Test
    void inviteToALineWithoutIvrIsOfferedToItsQueueAndTheAgentsRingingAndAnswerReachTheCaller() throws Exception {
        callerDials();
        assertThat(sent()).containsExactly("caller 100 INVITE", "agent INVITE");
        Request offered = agentInvite.getRequest();
        assertThat(offered.getRequestURI()).hasToString(QUEUE);
        assertThat(header(offered, "X-Callgate-Service")).isEqualTo("sales");
        assertThat(header(offered, "X-Callgate-Recording")).isEqualTo("no;reason=not-sampled");
        assertThat(SipMessages.body(offered))
                .contains("c=IN IP4 192.0.2.1", "m=audio 40002 ")
                .doesNotContain(SipMessages.CALLER_HOST);
        assertThat(media.only().caller.remote).isEqualTo(new InetSocketAddress(SipMessages.CALLER_HOST, 30000));

        agentResponds(Response.TRYING, null);
        assertThat(sent()).as("100 Trying is hop by hop").isEmpty();

        agentResponds(Response.RINGING, null);
        assertThat(sent()).containsExactly("caller 180 INVITE");
        String callgateTag = toTag(callerTx.last());
        assertThat(callgateTag).isNotNull().isNotEqualTo(AGENT_TAG);

        agentResponds(Response.OK, ANSWER);
        assertThat(sent()).containsExactly("agent ACK", "caller 200 INVITE");
        assertThat(cseq(last.get(0))).isEqualTo(cseq(offered));
        Response ok = callerTx.last();
        assertThat(toTag(ok)).as("one dialog with the caller, RFC 3261 §12.1.1").isEqualTo(callgateTag);
        assertThat(SipMessages.body(ok))
                .contains("c=IN IP4 192.0.2.1", "m=audio 40000 ")
                .doesNotContain(SipMessages.AGENT_HOST);
        assertThat(ok.getHeader(ContactHeader.NAME).toString()).contains("sip:callgate@192.0.2.1:5060");
        assertThat(media.only().agent.remote).isEqualTo(new InetSocketAddress(SipMessages.AGENT_HOST, 50000));
        assertThat(media.only().established).isTrue();
        assertThat(timers.pending()).as("the no-answer timer is cancelled").isZero();
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void anEndedTransactionLetsGoOfItsCallWhichTheStackMayKeepItFor32Seconds() throws Exception {
        connected();
        assertThat(agentInvite.getApplicationData()).isNotNull();

        provider.listener().processTransactionTerminated(new TransactionTerminatedEvent(provider, agentInvite));

        assertThat(agentInvite.getApplicationData()).isNull();
        assertThat(registry.size()).as("the call itself goes on").isEqualTo(1);
    }

    @Test
    void cancelBeforeTheAgentAnswersGets487AndCancelsTheAgentLeg() throws Exception {
        callerDials();
        agentResponds(Response.RINGING, null);
        sent();

        receive(sip.cancel(callerInvite));
        assertThat(sent()).containsExactly("caller 200 CANCEL", "caller 487 INVITE", "agent CANCEL");
        assertThat(branch(last.get(2)))
                .as("CANCEL matches the INVITE, RFC 3261 §9.1")
                .isEqualTo(branch(agentInvite.getRequest()));

        agentResponds(Response.REQUEST_TERMINATED, null);
        assertThat(sent()).isEmpty();
        assertEnded(EndReason.CALLER_CANCELLED, Response.REQUEST_TERMINATED);
    }

    @Test
    void cancelBeforeTheAgentRingsIsPassedOnOnlyOnceItRings() throws Exception {
        callerDials();
        agentResponds(Response.TRYING, null);
        sent();

        receive(sip.cancel(callerInvite));
        assertThat(sent()).containsExactly("caller 200 CANCEL", "caller 487 INVITE");

        agentResponds(Response.RINGING, null);
        assertThat(sent()).as("the owed CANCEL; the ringing is not relayed").containsExactly("agent CANCEL");
        assertEnded(EndReason.CALLER_CANCELLED, Response.REQUEST_TERMINATED);
    }

    @Test
    void cancelCrossingTheAgentsAnswerEndsTheCallWithByeToTheAgent() throws Exception {
        callerDials();
        agentResponds(Response.RINGING, null);
        receive(sip.cancel(callerInvite));
        assertThat(sent())
                .containsExactly(
                        "caller 100 INVITE",
                        "agent INVITE",
                        "caller 180 INVITE",
                        "caller 200 CANCEL",
                        "caller 487 INVITE",
                        "agent CANCEL");

        agentResponds(Response.OK, ANSWER);
        assertThat(sent()).containsExactly("agent ACK", "agent BYE");
        assertThat(callerTx.statuses()).containsExactly(100, 180, 487);
        assertEnded(EndReason.CALLER_CANCELLED, Response.REQUEST_TERMINATED);
    }

    @Test
    void cancelAfterTheAnswerIsAcceptedButLeavesTheCallUp() throws Exception {
        connected();

        receive(sip.cancel(callerInvite));
        assertThat(sent()).as("RFC 3261 §9.2: no effect on a completed INVITE").containsExactly("caller 200 CANCEL");
        assertThat(registry.size()).isEqualTo(1);
        assertThat(media.only().closed).isFalse();
    }

    @Test
    void byeFromTheCallerIsAnsweredAndEndsTheAgentLegAndTheMedia() throws Exception {
        connected();

        receive(sip.inDialog(Request.BYE, callerInvite, callerTx.last(), false, 2, null));
        assertThat(sent()).containsExactly("caller 200 BYE", "agent BYE");
        Request bye = (Request) last.get(1);
        assertThat(bye.getRequestURI()).hasToString("sip:agent@" + SipMessages.AGENT_HOST + ":5060");
        assertThat(toTag(bye)).isEqualTo(AGENT_TAG);
        assertEnded(EndReason.CALLER_HANGUP, Response.OK);

        agentAnswers(provider.lastSentToAgent(Request.BYE), sip.response(bye, Response.OK, null, null), agentDialog);
        assertThat(sent()).isEmpty();
    }

    @Test
    void byeFromTheAgentIsAnsweredAndEndsTheCallersLegAndTheMedia() throws Exception {
        connected();

        receive(sip.inDialog(Request.BYE, agentInvite.getRequest(), agentOk, true, 1, null));
        assertThat(sent()).containsExactly("agent 200 BYE", "caller BYE");
        Request bye = (Request) last.get(1);
        assertThat(bye.getRequestURI()).hasToString("sip:caller@" + SipMessages.CALLER_HOST + ":5060");
        assertThat(toTag(bye)).isEqualTo("caller-tag");
        assertThat(((FromHeader) bye.getHeader(FromHeader.NAME)).getTag()).isEqualTo(toTag(callerTx.last()));
        assertEnded(EndReason.AGENT_HANGUP, Response.OK);
    }

    @Test
    void byeFromBothSidesEndsTheCallOnceAndTheLaterByeGets481() throws Exception {
        connected();

        receive(sip.inDialog(Request.BYE, callerInvite, callerTx.last(), false, 2, null));
        receive(sip.inDialog(Request.BYE, agentInvite.getRequest(), agentOk, true, 1, null));
        assertThat(sent()).containsExactly("caller 200 BYE", "agent BYE", "agent 481 BYE");
        assertEnded(EndReason.CALLER_HANGUP, Response.OK);
    }

    @Test
    void reInviteInAConnectedCallIsRelayedWithEachLegsSdpRewritten() throws Exception {
        connected();
        String hold = sdp("ann", SipMessages.CALLER_HOST, 30002, "0 101", "sendonly");

        FakeServerTransaction reInvite =
                receive(sip.inDialog(Request.INVITE, callerInvite, callerTx.last(), false, 2, hold));
        assertThat(sent()).containsExactly("agent INVITE");
        Request relayed = (Request) last.get(0);
        assertThat(relayed.getRequestURI()).hasToString("sip:agent@" + SipMessages.AGENT_HOST + ":5060");
        assertThat(toTag(relayed)).isEqualTo(AGENT_TAG);
        assertThat(SipMessages.body(relayed))
                .contains("m=audio 40002 ", "a=sendonly")
                .doesNotContain(SipMessages.CALLER_HOST);
        assertThat(relayed.getHeader(ContactHeader.NAME)).isNotNull();
        assertThat(media.only().caller.remote).isEqualTo(new InetSocketAddress(SipMessages.CALLER_HOST, 30002));

        String held = sdp("agent", SipMessages.AGENT_HOST, 50000, "0 101", "recvonly");
        agentAnswers(
                provider.lastSentToAgent(Request.INVITE), sip.response(relayed, Response.OK, null, held), agentDialog);
        assertThat(sent()).containsExactly("agent ACK", "caller 200 INVITE");
        assertThat(cseq(last.get(0))).isEqualTo(cseq(relayed));
        assertThat(SipMessages.body(reInvite.last()))
                .contains("m=audio 40000 ", "a=recvonly")
                .doesNotContain(SipMessages.AGENT_HOST);
        assertThat(reInvite.last().getHeader(ContactHeader.NAME)).isNotNull();
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void reInviteFromTheAgentWhileTheCallersIsPendingGets491() throws Exception {
        connected();
        receive(sip.inDialog(Request.INVITE, callerInvite, callerTx.last(), false, 2, OFFER));
        Request relayed = provider.lastSentToAgent(Request.INVITE).getRequest();
        sent();

        receive(sip.inDialog(Request.INVITE, agentInvite.getRequest(), agentOk, true, 1, ANSWER));
        assertThat(sent()).as("glare, RFC 3261 §14.2").containsExactly("agent 491 INVITE");

        agentAnswers(
                provider.lastSentToAgent(Request.INVITE),
                sip.response(relayed, Response.OK, null, ANSWER),
                agentDialog);
        assertThat(sent()).containsExactly("agent ACK", "caller 200 INVITE");

        receive(sip.inDialog(Request.INVITE, agentInvite.getRequest(), agentOk, true, 2, ANSWER));
        assertThat(sent()).as("the agent's retry once the first is done").containsExactly("caller INVITE");
    }

    @Test
    void aSecondReInviteFromTheSameSideBeforeTheFirstIsAnsweredGets500WithRetryAfterNot491() throws Exception {
        connected();
        receive(sip.inDialog(Request.INVITE, callerInvite, callerTx.last(), false, 2, OFFER));
        sent();

        FakeServerTransaction second =
                receive(sip.inDialog(Request.INVITE, callerInvite, callerTx.last(), false, 3, OFFER));
        assertThat(sent()).as("not glare: RFC 3261 §14.2").containsExactly("caller 500 INVITE");
        assertThat(second.last().getHeader(RetryAfterHeader.NAME)).isNotNull();
    }

    @Test
    void byeOrReInviteInAnUnknownDialogGets481() throws Exception {
        Request gone = sip.invite("gone@" + SipMessages.CALLER_HOST, LINE, null);
        Response goneOk = sip.response(gone, Response.OK, "gone-tag", null);

        receive(sip.inDialog(Request.BYE, gone, goneOk, false, 2, null));
        receive(sip.inDialog(Request.INVITE, gone, goneOk, false, 3, OFFER));
        assertThat(sent()).containsExactly("stranger 481 BYE", "stranger 481 INVITE");
        assertThat(media.openSessions()).isZero();
    }

    @Test
    void anAgentThatDoesNotAnswerInTimeIsCancelledAndTheCallerGets480() throws Exception {
        callerDials();
        agentResponds(Response.RINGING, null);
        sent();

        timers.advance(NO_ANSWER.minusMillis(1));
        assertThat(sent()).isEmpty();
        timers.advance(Duration.ofMillis(1));
        assertThat(sent()).containsExactly("caller 480 INVITE", "agent CANCEL");
        assertEnded(EndReason.NO_ANSWER, Response.TEMPORARILY_UNAVAILABLE);
    }

    @Test
    void anAgentQueueThatIsBusyIsRelayedToTheCaller() throws Exception {
        callerDials();
        sent();

        agentResponds(Response.BUSY_HERE, null);
        assertThat(sent()).containsExactly("caller 486 INVITE");
        assertEnded(EndReason.AGENT_REJECTED, Response.BUSY_HERE);
    }

    @Test
    void anOverloadedAgentQueueIsReported500NotPassedOnAs503() throws Exception {
        callerDials();
        sent();

        agentResponds(Response.SERVICE_UNAVAILABLE, null);
        assertThat(sent()).as("503 would say callgate itself is overloaded").containsExactly("caller 500 INVITE");
        assertEnded(EndReason.AGENT_REJECTED, Response.SERVER_INTERNAL_ERROR);
    }

    @Test
    void aRetransmittedInviteThatReachesTheListenerIsLeftToItsTransaction() throws Exception {
        callerDials();
        sent();

        provider.listener().processRequest(new RequestEvent(provider, null, null, callerInvite));
        assertThat(sent()).isEmpty();
        assertThat(media.openSessions()).isEqualTo(1);
    }

    /**
     * A draining node (ADR 0017) refuses what would start something new, so that the load
     * balancer's probe takes it out and its failure route sends new calls to another node, and
     * serves everything inside the dialogs of its calls until they end.
     */
    @Nested
    class Draining {

        @Test
        void optionsOutsideADialogIsAnswered503WithRetryAfterSoTheBalancersProbeTakesTheNodeOut() throws Exception {
            assertThat(options().getStatusCode()).isEqualTo(Response.OK);

            drain.start();
            Response refused = options();

            assertThat(refused.getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);
            assertThat(refused.getReasonPhrase()).isEqualTo("Draining");
            assertThat(((RetryAfterHeader) refused.getHeader(RetryAfterHeader.NAME)).getRetryAfter())
                    .as("calls.retry-after")
                    .isEqualTo(30);
        }

        @Test
        void aNewInviteGets503WithRetryAfterAndNeitherMediaNorAnAgentLeg() throws Exception {
            drain.start();

            callerInvite = sip.invite(CALLER_CALL_ID, LINE, OFFER);
            callerTx = receive(callerInvite);

            assertThat(sent()).containsExactly("caller 503 INVITE");
            assertThat(callerTx.last().getReasonPhrase()).isEqualTo("Draining");
            assertThat(callerTx.last().getHeader(RetryAfterHeader.NAME)).isNotNull();
            assertThat(media.openSessions()).isZero();
            assertThat(registry.size()).isZero();
        }

        @Test
        void aCallInProgressWhenTheDrainStartsIsServedUntilItsByeEndsIt() throws Exception {
            connected();
            drain.start();

            receive(sip.inDialog(Request.INVITE, callerInvite, callerTx.last(), false, 2, OFFER));
            assertThat(sent()).as("a re-INVITE is relayed").containsExactly("agent INVITE");
            agentAnswers(
                    provider.lastSentToAgent(Request.INVITE),
                    sip.response(provider.lastSentToAgent(Request.INVITE).getRequest(), Response.OK, null, ANSWER),
                    agentDialog);
            assertThat(sent()).containsExactly("agent ACK", "caller 200 INVITE");

            receive(sip.inDialog(Request.BYE, callerInvite, callerTx.last(), false, 3, null));
            assertThat(sent()).containsExactly("caller 200 BYE", "agent BYE");
            assertEnded(EndReason.CALLER_HANGUP, Response.OK);
        }

        @Test
        void anInviteAdmittedBeforeTheDrainIsStillAnsweredAndCanStillBeCancelled() throws Exception {
            callerDials();
            agentResponds(Response.RINGING, null);
            drain.start();

            receive(sip.cancel(callerInvite));

            assertThat(sent())
                    .containsExactly(
                            "caller 100 INVITE",
                            "agent INVITE",
                            "caller 180 INVITE",
                            "caller 200 CANCEL",
                            "caller 487 INVITE",
                            "agent CANCEL");
        }

        @Test
        void optionsAndNewCallsAreTakenAgainOnceTheDrainEnds() throws Exception {
            drain.start();
            assertThat(options().getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);

            drain.stop();

            assertThat(options().getStatusCode()).isEqualTo(Response.OK);
            callerDials();
            assertThat(sent())
                    .containsExactly(
                            "stranger 503 OPTIONS", "stranger 200 OPTIONS", "caller 100 INVITE", "agent INVITE");
        }

        /** A load balancer's probe: OPTIONS to callgate's address, no user part, no To tag. */
        private Response options() throws Exception {
            javax.sip.address.Address callgate = sip.addresses.createAddress("sip:192.0.2.1:5060");
            javax.sip.address.Address balancer = sip.addresses.createAddress("sip:dispatcher@localhost");
            Request probe = sip.request(
                    Request.OPTIONS,
                    callgate.getURI(),
                    "probe-" + (++probes) + "@balancer",
                    sip.headers.createFromHeader(balancer, "probe-tag"),
                    sip.headers.createToHeader(callgate, null),
                    1,
                    "192.0.2.9");
            return receive(probe).last();
        }

        private int probes;
    }

    /** RFC 3261 §8.1.2: a UAC with an outbound proxy preloads a Route with its URI. */
    @Nested
    class OutboundProxy {

        @Test
        void theAgentLegsInviteIsSentThroughTheProxyWithTheQueueAsItsRequestUri() throws Exception {
            wire("sip:192.0.2.50:5060");

            callerDials();

            Request offered = agentInvite.getRequest();
            assertThat(offered.getRequestURI()).hasToString(QUEUE);
            assertThat(offered.getHeader(javax.sip.header.RouteHeader.NAME).toString())
                    .as("a loose route, so the Request-URI stays the queue")
                    .contains("<sip:192.0.2.50:5060;lr>");
        }

        @Test
        void withoutAProxyTheAgentLegsInviteHasNoRoute() throws Exception {
            callerDials();

            assertThat(agentInvite.getRequest().getHeader(javax.sip.header.RouteHeader.NAME))
                    .isNull();
        }

        @Test
        void aProxyOnTcpCarriesTheAgentLegOverTcp() throws Exception {
            wire("sip:192.0.2.50:5060;transport=tcp");

            callerDials();

            Request offered = agentInvite.getRequest();
            assertThat(((ViaHeader) offered.getHeader(ViaHeader.NAME)).getTransport())
                    .isEqualToIgnoringCase("tcp");
            assertThat(offered.getHeader(ContactHeader.NAME).toString()).contains("transport=tcp");
        }
    }

    /**
     * Session timers (RFC 4028) on both legs, with time compressed by the manual scheduler: the
     * caller asks for 90 s and refreshes itself, the agent takes the terms callgate offers.
     */
    @Nested
    class SessionTimers {

        private static final Duration EXPIRY = Duration.ofSeconds(60); // 90 s less 30 s (§10)

        @Test
        void anIntervalUnder90SecondsGets422WithMinSe() throws Exception {
            Request invite = sip.invite(CALLER_CALL_ID, LINE, OFFER);
            invite.addHeader(sip.header("Session-Expires", "60"));

            FakeServerTransaction refused = receive(invite);

            assertThat(sent()).containsExactly("caller 422 INVITE");
            assertThat(refused.last().getHeader("Min-SE").toString()).contains("90");
            assertThat(media.openSessions()).isZero();
        }

        @Test
        void theCallersTermsAreStatedInTheOkAndTheAgentIsAskedForTheSameInterval() throws Exception {
            callerAsksFor("90;refresher=uac");
            Request toAgent = agentInvite.getRequest();
            assertThat(toAgent.getHeader("Session-Expires").toString()).contains("90");
            assertThat(toAgent.getHeader("Min-SE").toString()).contains("90");
            assertThat(toAgent.getHeader("Supported").toString()).contains("timer");

            agentAnswersWith("90;refresher=uas");

            Response ok = callerTx.last();
            assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
            assertThat(ok.getHeader("Session-Expires").toString()).contains("90;refresher=uac");
            assertThat(ok.getHeader("Require").toString())
                    .as("the caller refreshes: §9")
                    .contains("timer");
        }

        @Test
        void aCallWhoseRefresherStopsIsEndedWithByeOnBothLegs() throws Exception {
            callerAsksFor("90;refresher=uac");
            agentAnswersWith("90;refresher=uas");
            sent();

            timers.advance(EXPIRY.minusMillis(1));
            assertThat(sent()).isEmpty();
            timers.advance(Duration.ofMillis(1));

            assertThat(sent()).containsExactlyInAnyOrder("caller BYE", "agent BYE");
            assertEnded(EndReason.SESSION_EXPIRED, Response.OK);
        }

        @Test
        void aRefreshFromTheCallerIsRelayedAndRenewsBothLegs() throws Exception {
            callerAsksFor("90;refresher=uac");
            agentAnswersWith("90;refresher=uas");
            sent();
            timers.advance(Duration.ofSeconds(45));

            Request refresh = sip.inDialog(Request.INVITE, callerInvite, callerTx.last(), false, 2, OFFER);
            refresh.addHeader(sip.header("Session-Expires", "90;refresher=uac"));
            FakeServerTransaction refreshed = receive(refresh);
            FakeClientTransaction relayed = provider.lastSentToAgent(Request.INVITE);
            assertThat(relayed.getRequest().getHeader("Session-Expires").toString())
                    .as("the agent refreshes its leg: refresher=uas from callgate as UAC")
                    .contains("90;refresher=uas");
            Response agentRefreshed = sip.response(relayed.getRequest(), Response.OK, null, ANSWER);
            agentRefreshed.addHeader(sip.header("Session-Expires", "90;refresher=uas"));
            agentAnswers(relayed, agentRefreshed, agentDialog);
            assertThat(sent()).containsExactly("agent INVITE", "agent ACK", "caller 200 INVITE");
            assertThat(refreshed.last().getHeader("Session-Expires").toString()).contains("90;refresher=uac");

            timers.advance(EXPIRY.minusMillis(1));
            assertThat(sent()).as("both legs renewed at 45 s").isEmpty();
            timers.advance(Duration.ofMillis(1));
            assertThat(sent()).containsExactlyInAnyOrder("caller BYE", "agent BYE");
        }

        @Test
        void whereCallgateRefreshesItSendsAnUpdateHalfWayAndEndsTheCallWhenItGets481() throws Exception {
            callerDials();
            agentAnswersWith("90;refresher=uac");
            receive(sip.inDialog(Request.ACK, callerInvite, callerTx.last(), false, 1, null));
            sent();

            timers.advance(Duration.ofSeconds(45));
            assertThat(sent()).containsExactly("agent UPDATE");
            FakeClientTransaction update = provider.lastSentToAgent(Request.UPDATE);
            assertThat(update.getRequest().getHeader("Session-Expires").toString())
                    .contains("90;refresher=uac");
            agentAnswers(update, sip.response(update.getRequest(), Response.OK, null, null), agentDialog);

            timers.advance(Duration.ofSeconds(45));
            assertThat(sent()).as("renewed, so refreshed again").containsExactly("agent UPDATE");
            FakeClientTransaction again = provider.lastSentToAgent(Request.UPDATE);
            agentAnswers(
                    again,
                    sip.response(again.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null),
                    agentDialog);

            assertThat(sent()).containsExactlyInAnyOrder("caller BYE", "agent BYE");
            assertEnded(EndReason.SESSION_EXPIRED, Response.OK);
        }

        private void callerAsksFor(String sessionExpires) throws Exception {
            callerInvite = sip.invite(CALLER_CALL_ID, LINE, OFFER);
            callerInvite.addHeader(sip.header("Session-Expires", sessionExpires));
            callerInvite.addHeader(sip.header("Supported", "timer"));
            callerTx = receive(callerInvite);
            agentInvite = provider.lastSentToAgent(Request.INVITE);
        }

        private void agentAnswersWith(String sessionExpires) throws Exception {
            Response ok = sip.response(agentInvite.getRequest(), Response.OK, AGENT_TAG, ANSWER);
            ok.addHeader(sip.header("Session-Expires", sessionExpires));
            agentDialog = FakeDialog.uac(provider, sip, agentInvite.getRequest(), ok);
            agentOk = ok;
            agentAnswers(agentInvite, ok, agentDialog);
        }
    }

    /** The caller's INVITE arrives; the agent leg's INVITE is sent. */
    private void callerDials() throws Exception {
        callerInvite = sip.invite(CALLER_CALL_ID, LINE, OFFER);
        callerTx = receive(callerInvite);
        agentInvite = provider.lastSentToAgent(Request.INVITE);
    }

    /** A call the agent answered and the caller acknowledged, with nothing left unread. */
    private void connected() throws Exception {
        callerDials();
        agentResponds(Response.RINGING, null);
        agentResponds(Response.OK, ANSWER);
        receive(sip.inDialog(Request.ACK, callerInvite, callerTx.last(), false, 1, null));
        assertThat(sent())
                .containsExactly(
                        "caller 100 INVITE", "agent INVITE", "caller 180 INVITE", "agent ACK", "caller 200 INVITE");
    }

    private void agentResponds(int status, String sdp) throws Exception {
        Response response = sip.response(agentInvite.getRequest(), status, status > 100 ? AGENT_TAG : null, sdp);
        FakeDialog dialog =
                status > 100 && status < 300 ? FakeDialog.uac(provider, sip, agentInvite.getRequest(), response) : null;
        if (status >= 200 && status < 300) {
            agentDialog = dialog;
            agentOk = response;
        }
        agentAnswers(agentInvite, response, dialog);
    }

    private void agentAnswers(FakeClientTransaction transaction, Response response, Dialog dialog) {
        provider.listener().processResponse(new ResponseEvent(provider, transaction, dialog, response));
    }

    /** Feeds a request as the stack does when no transaction exists for it yet. */
    private FakeServerTransaction receive(Request request) {
        provider.listener().processRequest(new RequestEvent(provider, null, null, request));
        return provider.serverTransaction(request);
    }

    /** What callgate sent since the last look; the messages themselves stay in {@link #last}. */
    private List<String> sent() {
        last = provider.sent();
        return last.stream().map(B2buaListenerTest::describe).toList();
    }

    private static String describe(Message message) {
        String callId = SipMessages.callIdOf(message);
        String leg = callId.equals(CALLER_CALL_ID) ? "caller" : callId.endsWith("@callgate") ? "agent" : "stranger";
        String method = ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getMethod();
        return message instanceof Response response
                ? leg + " " + response.getStatusCode() + " " + method
                : leg + " " + method;
    }

    private void assertEnded(EndReason reason, int finalStatus) {
        assertThat(media.only().closed).isTrue();
        assertThat(registry.size()).isZero();
        assertThat(timers.pending()).isZero();
        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.reason()).isEqualTo(reason);
            assertThat(summary.finalStatus()).isEqualTo(finalStatus);
        });
    }

    private static String header(Message message, String name) {
        return ((ExtensionHeader) message.getHeader(name)).getValue();
    }

    private static String toTag(Message message) {
        return ((ToHeader) message.getHeader(ToHeader.NAME)).getTag();
    }

    private static long cseq(Message message) {
        return ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private static String branch(Message message) {
        return ((ViaHeader) message.getHeader(ViaHeader.NAME)).getBranch();
    }

    private static String sdp(String user, String host, int port, String payloadTypes, String direction) {
        return """
                v=0
                o=%s 2890844526 2890844526 IN IP4 %s
                s=-
                c=IN IP4 %s
                t=0 0
                m=audio %d RTP/AVP %s
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=%s
                """.formatted(user, host, host, port, payloadTypes, direction);
    }
}
