package org.callgate.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.callgate.core.call.CallObserver;
import org.callgate.core.call.EndReason;
import org.callgate.core.media.MediaControl;
import org.callgate.sip.stack.GatewayStack;
import org.callgate.sip.stack.StackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * callgate's SIP side: a back-to-back user agent (RFC 3261 §6) on UDP and TCP that answers calls
 * to the service lines (R5) and bridges each to its line's agent queue, with the media anchored
 * through a {@link MediaControl}.
 *
 * <p>Life cycle: {@link #start()} binds the listening points; {@link #close()} ends every live
 * call with BYE (or 503 when still unanswered) and releases the ports.
 */
public final class SipGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipGateway.class);

    private final B2buaSettings settings;
    private final MediaControl media;
    private final CallObserver observer;
    private final CallServices services;
    private final CallRegistry registry = new CallRegistry();
    private final Drain drain = new Drain();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("callgate-sip-timer").daemon().factory());
    private volatile SipStack stack;
    private CallEnder ender;
    private volatile ClickToDial clickToDial;

    /**
     * @param services prompts, caller identification and SMS, for lines with an IVR
     */
    public SipGateway(B2buaSettings settings, MediaControl media, CallObserver observer, CallServices services) {
        this.settings = settings;
        this.media = media;
        this.observer = observer;
        this.services = services;
    }

    /**
     * Binds the configured transports and starts serving.
     *
     * @throws SipGatewayException when the stack cannot start or a port cannot be bound
     */
    public void start() throws SipGatewayException {
        try {
            SipTls tls = settings.tls();
            stack = new GatewayStack(StackProperties.withOverloadGate(
                    StackProperties.forGateway(
                            "callgate-" + settings.port(), tls.certificate(), tls.key(), tls.trust()),
                    settings.overloadDelay(),
                    settings.retryAfter()));
            SipProvider provider = null;
            for (String transport : settings.transports()) {
                ListeningPoint point = stack.createListeningPoint(
                        settings.listenAddress().getHostAddress(), settings.portFor(transport), transport);
                if (provider == null) {
                    provider = stack.createSipProvider(point);
                } else {
                    provider.addListeningPoint(point);
                }
            }
            ender = wire(provider, settings, registry, drain, media, observer, services, timers);
            clickToDial = new ClickToDial(new SipContext(provider, settings));
            stack.start();
            LOG.info(
                    "SIP listening on {}:{} ({}){}",
                    settings.listenAddress().getHostAddress(),
                    settings.port(),
                    String.join(", ", settings.transports()),
                    tls.enabled() ? ", TLS on port " + tls.port() : "");
        } catch (Exception e) {
            stopStack();
            throw new SipGatewayException(
                    "cannot start SIP on " + settings.listenAddress().getHostAddress() + ":" + settings.port() + ": "
                            + rootMessage(e),
                    e);
        }
    }

    /**
     * Builds the B2BUA's handlers and makes their {@link B2buaListener} the provider's listener;
     * tests call it with a provider of their own and drive the listener it is given.
     *
     * @return the one way calls end, for {@link #close()}
     */
    static CallEnder wire(
            SipProvider provider,
            B2buaSettings settings,
            CallRegistry registry,
            Drain drain,
            MediaControl media,
            CallObserver observer,
            CallServices services,
            ScheduledExecutorService timers)
            throws Exception {
        SipContext sip = new SipContext(provider, settings);
        MediaEvents mediaEvents = new MediaEvents(registry);
        CallRecordings recordings = new CallRecordings(services.recorder(), services.onRecorderFailure());
        CallEnder ender = new CallEnder(sip, registry, observer, recordings);
        mediaEvents.ender(ender);
        SessionTimers sessionTimers = new SessionTimers(sip, timers, ender);
        AgentCalls agentCalls = new AgentCalls(sip, ender, timers, services, observer, sessionTimers);
        provider.addSipListener(new B2buaListener(
                sip,
                registry,
                drain,
                new InitialInviteHandler(
                        sip, registry, media, ender, timers, mediaEvents, services, agentCalls, sessionTimers),
                new AgentResponseHandler(sip, ender, agentCalls, recordings, sessionTimers),
                new InDialogHandler(sip, ender, new SurveyCalls(sip, timers, services, ender), sessionTimers),
                new CancelHandler(sip, registry, ender),
                sessionTimers));
        return ender;
    }

    /**
     * Asks an agent's phone to call a customer back from a service line (R5): an out-of-dialog
     * REFER to {@code phone} whose Refer-To is {@code e164} at callgate with the line id; the phone's
     * INVITE then goes the way of every callback (docs/ivr.md).
     *
     * @param phone the agent's phone, a {@code sip:} URI at one of {@code outbound.allowed-sources}
     * @param e164 the customer's number
     * @param service the service line id the callback is from
     * @return completes with the phone's final status to the REFER (202 accepted), or 408
     * @throws IllegalArgumentException for a phone, number or line that may not be used
     * @throws IllegalStateException when callbacks are off, the gateway is not running or it is
     *     draining (the phone's INVITE, which the REFER points at this node, would get 503)
     */
    public CompletableFuture<Integer> clickToDial(String phone, String e164, String service) {
        ClickToDial dialer = clickToDial;
        if (dialer == null || stack == null) {
            throw new IllegalStateException("the SIP gateway is not running");
        }
        if (drain.active()) {
            throw new IllegalStateException(
                    "this callgate node is draining and takes no new calls; place the callback from another node");
        }
        try {
            return dialer.refer(phone, e164, service);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build the REFER: " + e.getMessage(), e);
        } catch (SipException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Starts draining (ADR 0017): from now on an out-of-dialog OPTIONS and a new INVITE get {@code
     * 503 Draining} with {@code Retry-After}, while every request inside the dialogs of the calls in
     * progress is served until they end. Draining again changes nothing.
     */
    public void drain() {
        if (drain.start()) {
            LOG.info("draining: new calls and OPTIONS get 503; calls in progress go on ({})", registry.size());
        }
    }

    /** Ends a drain: new calls are taken and OPTIONS answered {@code 200} again. */
    public void resume() {
        if (drain.stop()) {
            LOG.info("drain ended: taking new calls again");
        }
    }

    /** Whether this node is draining ({@link #drain()}). */
    public boolean draining() {
        return drain.active();
    }

    /** Whether the stack is started and not yet closed: what {@code /health} reports for SIP. */
    public boolean running() {
        return stack != null;
    }

    /**
     * Calls admitted since start-up (past the concurrency and set-up rate limits): a monotonic
     * counter; its rate over time is the set-up rate ({@code rate(callgate_calls_setup_total[1m])}).
     */
    public long callsSetUp() {
        return registry.admitted();
    }

    /** Calls in progress (ringing or connected). */
    public int activeCalls() {
        return registry.size();
    }

    /**
     * Calls that were to be recorded and whose recorder could not start, since start-up: the
     * alarm's counter (R8); each also has an ERROR line naming it.
     */
    public long recorderFailures() {
        return ender == null ? 0 : ender.recorderFailures();
    }

    @Override
    public void close() {
        if (ender != null) {
            List<B2buaCall> calls = new ArrayList<>(registry.all());
            for (B2buaCall call : calls) {
                ender.end(call, EndReason.SHUTDOWN, 503, "Gateway Shutting Down", null);
            }
        }
        timers.shutdownNow();
        stopStack();
    }

    private void stopStack() {
        if (stack != null) {
            try {
                stack.stop();
            } catch (RuntimeException e) {
                // The RI fails so when stopped before its UDP reader thread has run at all.
                LOG.warn("SIP stack did not stop cleanly: {}", e.toString());
            }
            stack = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
