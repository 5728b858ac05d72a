package org.callgate.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.call.EndReason;
import org.callgate.core.media.LegSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session timers (RFC 4028) on both legs of every call, so that a call whose peer vanished
 * without a BYE is ended, and refreshes pass through callgate as they would through the peer.
 *
 * <p>Each leg is its own session: the caller's is agreed in callgate's 2xx to the INVITE, the
 * agent's in the agent's 2xx to callgate's, which asks for the caller's interval (or 1800 s). A
 * re-INVITE or UPDATE that succeeds on a leg renews that leg; one relayed from the other leg
 * renews both. Where callgate is the refresher it sends an UPDATE without a body half-way through
 * the interval (§7.4, §10); where the peer is and no refresh came in time, callgate ends the call
 * with BYE on both legs ({@link EndReason#SESSION_EXPIRED}). A peer that refuses callgate's
 * UPDATE keeps its call without a timer on that leg; 408 or 481 to it ends the call (§10).
 */
final class SessionTimers {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTimers.class);
    /** A refresh met glare (491): try again this much later (RFC 3261 §14.1 allows 2.1 to 4 s). */
    private static final Duration GLARE_RETRY = Duration.ofSeconds(3);
    /** 422 Session Interval Too Small (RFC 4028 §6), which JAIN-SIP has no constant for. */
    static final int SESSION_INTERVAL_TOO_SMALL = 422;

    private final SipContext sip;
    private final ScheduledExecutorService timers;
    private final CallEnder ender;

    SessionTimers(SipContext sip, ScheduledExecutorService timers, CallEnder ender) {
        this.sip = sip;
        this.timers = timers;
        this.ender = ender;
    }

    /** Answers 422 with callgate's Min-SE to an INVITE asking for too short an interval; true if it did. */
    boolean refusedAsTooSmall(ServerTransaction invite) throws ParseException {
        if (!(SessionTimerTerms.forCaller(SessionInterval.stated(invite.getRequest()))
                instanceof SessionTimerTerms.TooSmall(Duration minSe))) {
            return false;
        }
        Response refused = sip.response(invite.getRequest(), SESSION_INTERVAL_TOO_SMALL, "Session Interval Too Small");
        refused.addHeader(sip.headers.createHeader(SessionInterval.MIN_SE_HEADER, Long.toString(minSe.toSeconds())));
        sip.respond(invite, refused);
        return true;
    }

    /** Agrees the caller leg's terms from its INVITE, before callgate's 2xx states them. */
    void callerInvited(B2buaCall call) {
        if (SessionTimerTerms.forCaller(SessionInterval.stated(call.callerLeg.request))
                instanceof SessionTimerTerms.Agreed(SessionInterval interval)) {
            call.legTimers.agree(LegSide.CALLER, interval);
        }
    }

    /** States the caller leg's terms in callgate's 2xx to the caller's INVITE (§9). */
    void toCallerOk(B2buaCall call, Response ok) throws ParseException {
        state(ok, call.legTimers.terms(LegSide.CALLER), false);
    }

    /** The 2xx is sent: the caller leg's timer runs. */
    void callerAnswered(B2buaCall call) {
        SessionInterval terms = call.legTimers.terms(LegSide.CALLER);
        if (terms != null) {
            arm(call, LegSide.CALLER, terms);
        }
    }

    /** Asks the agent leg for the caller's interval, or callgate's preferred one (§7.1). */
    void toAgentInvite(B2buaCall call, Request invite) throws ParseException {
        SessionInterval caller = call.legTimers.terms(LegSide.CALLER);
        Duration interval = caller == null ? SessionInterval.PREFERRED : caller.interval();
        invite.addHeader(sip.headers.createSupportedHeader(SessionInterval.TIMER));
        invite.addHeader(
                sip.headers.createHeader(SessionInterval.SESSION_EXPIRES, Long.toString(interval.toSeconds())));
        invite.addHeader(sip.headers.createHeader(
                SessionInterval.MIN_SE_HEADER, Long.toString(SessionInterval.MIN_SE.toSeconds())));
    }

    /** The agent's 2xx: its terms, if it states any, start the agent leg's timer (§7.2). */
    void agentAnswered(B2buaCall call, Response ok) {
        if (SessionTimerTerms.fromAnswer(SessionInterval.stated(ok))
                instanceof SessionTimerTerms.Agreed(SessionInterval interval)) {
            arm(call, LegSide.AGENT, interval);
        }
    }

    /**
     * A re-INVITE or UPDATE from {@code side} that callgate answers 2xx ({@code ok}) renews that
     * leg, with the terms the request states (§9).
     */
    void refreshedBy(B2buaCall call, LegSide side, Request request, Response ok) throws ParseException {
        SessionInterval current = call.legTimers.terms(side);
        SessionInterval.Stated stated = SessionInterval.stated(request);
        if (current == null && !stated.hasInterval()) {
            return;
        }
        SessionInterval renewed = SessionTimerTerms.forRefresh(stated, current);
        state(ok, renewed, false);
        arm(call, side, renewed);
    }

    /** States leg {@code to}'s terms in a re-INVITE or UPDATE relayed to it, a refresh of that leg too. */
    void toRelayed(B2buaCall call, LegSide to, Request relayed) throws ParseException {
        state(relayed, call.legTimers.terms(to), true);
    }

    /** The 2xx of a request relayed to {@code to} renews that leg, with the terms it states. */
    void relayAnswered(B2buaCall call, LegSide to, Response ok) {
        SessionInterval terms = SessionTimerTerms.fromAnswer(SessionInterval.stated(ok))
                        instanceof SessionTimerTerms.Agreed(SessionInterval interval)
                ? interval
                : call.legTimers.terms(to);
        if (terms != null) {
            arm(call, to, terms);
        }
    }

    /** The answer to callgate's own refresh. */
    void refreshAnswered(TxContext.Refresh refresh, Response response) {
        int status = response.getStatusCode();
        B2buaCall call = refresh.call();
        LegSide side = refresh.side();
        if (status < 200) {
            return;
        }
        if (status < 300) {
            relayAnswered(call, side, response);
        } else if (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            expired(call, side, "refresh answered " + status);
        } else if (status == Response.REQUEST_PENDING) {
            SessionInterval terms = call.legTimers.terms(side);
            if (terms != null) {
                call.legTimers.arm(side, terms, schedule(() -> refresh(call, side), GLARE_RETRY));
            }
        } else {
            LOG.warn("{}: {} leg refused the session refresh ({}); no session timer on it", call, side, status);
            call.legTimers.drop(side);
        }
    }

    /** callgate's refresh got no answer at all: the peer is gone (§10). */
    void refreshTimedOut(TxContext.Refresh refresh) {
        expired(refresh.call(), refresh.side(), "refresh unanswered");
    }

    private void arm(B2buaCall call, LegSide side, SessionInterval terms) {
        ScheduledFuture<?> task = terms.callgateRefreshes()
                ? schedule(() -> refresh(call, side), terms.refreshAfter())
                : schedule(
                        () -> expired(
                                call,
                                side,
                                "no refresh within " + terms.interval().toSeconds() + " s"),
                        terms.expiresAfter());
        call.legTimers.arm(side, terms, task);
    }

    private ScheduledFuture<?> schedule(Runnable task, Duration after) {
        return timers.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh(B2buaCall call, LegSide side) {
        Dialog dialog = call.dialog(side);
        SessionInterval terms = call.legTimers.terms(side);
        if (dialog == null || terms == null || call.state() == CallState.TERMINATED) {
            return;
        }
        try {
            Request update = dialog.createRequest(Request.UPDATE);
            update.setHeader(sip.contact(
                    side == LegSide.CALLER
                            ? call.callerLeg.transport
                            : AgentInviteBuilder.transportOf(
                                    dialog.getRemoteTarget().getURI())));
            state(update, terms, true);
            ClientTransaction transaction = sip.provider.getNewClientTransaction(update);
            transaction.setApplicationData(new TxContext.Refresh(call, side));
            dialog.sendRequest(transaction);
        } catch (Exception e) {
            LOG.warn("{}: cannot refresh the {} leg's session: {}", call, side, e.toString());
            call.legTimers.drop(side);
        }
    }

    private void expired(B2buaCall call, LegSide side, String why) {
        LOG.info("{}: the {} leg's session expired ({}), ending the call", call, side, why);
        ender.end(call, EndReason.SESSION_EXPIRED, 0, null, null);
    }

    /** Writes Session-Expires, and Require and Supported as §7 and §9 ask, into a message. */
    private void state(Message message, SessionInterval terms, boolean callgateIsUac) throws ParseException {
        if (terms == null) {
            return;
        }
        message.setHeader(sip.headers.createHeader(SessionInterval.SESSION_EXPIRES, terms.value(callgateIsUac)));
        message.addHeader(sip.headers.createSupportedHeader(SessionInterval.TIMER));
        if (message instanceof Response && terms.requiresTimer(callgateIsUac)) {
            message.addHeader(sip.headers.createRequireHeader(SessionInterval.TIMER));
        }
    }
}
