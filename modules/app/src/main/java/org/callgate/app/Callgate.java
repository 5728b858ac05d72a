package org.callgate.app;

import java.time.Clock;
import java.util.stream.Collectors;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.Transport;
import org.callgate.core.call.CallObserver;
import org.callgate.core.ivr.CallIndex;
import org.callgate.store.RecordingStore;
import org.callgate.media.MediaSettings;
import org.callgate.media.NettyMediaControl;
import org.callgate.sip.B2buaSettings;
import org.callgate.sip.CallServices;
import org.callgate.sip.SipGateway;
import org.callgate.sip.SipGatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the one place that knows the concrete media and SIP implementations and
 * wires them from the configuration. Start order is the recording store, then media, so that the first INVITE finds
 * its ports and a recorded call its spool; stop order is the reverse, so that calls end with BYE
 * before their ports close, and their recordings reach the spool before the uploader stops.
 */
public final class Callgate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Callgate.class);

    private final NettyMediaControl media;
    private final SipGateway sip;
    private final Recordings recordings;

    private Callgate(NettyMediaControl media, SipGateway sip, Recordings recordings) {
        this.media = media;
        this.sip = sip;
        this.recordings = recordings;
    }

    /**
     * Starts callgate.
     *
     * @throws SipGatewayException when the SIP port cannot be bound or a prompt cannot be loaded
     *     (the message names the port or the file)
     */
    public static Callgate start(CallgateConfig config, Clock clock, CallObserver observer) throws SipGatewayException {
        return start(config, clock, observer, CallIndex.EMPTY);
    }

    /**
     * Starts callgate with a caller index for caller identification (R15).
     *
     * @throws SipGatewayException when the SIP port cannot be bound or a prompt cannot be loaded
     */
    public static Callgate start(CallgateConfig config, Clock clock, CallObserver observer, CallIndex callers)
            throws SipGatewayException {
        PromptLibrary prompts;
        try {
            prompts = PromptLibrary.load(config.promptsDir(), config.directory().lines());
        } catch (IllegalArgumentException e) {
            throw new SipGatewayException("cannot load IVR prompts: " + e.getMessage(), e);
        }
        var recording = config.recording();
        if (recording.usesDemoKey()) {
            LOG.warn("recording.sampling-key is the built-in demo key: anyone can predict which calls are sampled;"
                    + " set a secret key in the configuration (docs/configuration.md)");
        }
        Recordings recordings = Recordings.open(config.store(), clock, stored -> { });
        NettyMediaControl media = new NettyMediaControl(mediaSettings(config, clock));
        SipGateway sip = new SipGateway(sipSettings(config, clock), media, observer,
                new CallServices(prompts, callers, SmsSenders.create(config.sms()), recording.toDecision(),
                        recording.toObjectionList(), recordings.recorder()));
        try {
            sip.start();
        } catch (SipGatewayException e) {
            media.close();
            recordings.close();
            throw e;
        }
        return new Callgate(media, sip, recordings);
    }

    static MediaSettings mediaSettings(CallgateConfig config, Clock clock) {
        var m = config.media();
        return new MediaSettings(m.inetAddress(), m.inetAddress(), m.rtpPortMin(), m.rtpPortMax(),
                m.inactivityTimeout(), clock, m.effectiveThreads());
    }

    static B2buaSettings sipSettings(CallgateConfig config, Clock clock) {
        var s = config.sip();
        var c = config.calls();
        return new B2buaSettings(s.listenInetAddress(), s.advertisedInetAddress(), s.port(),
                s.transports().stream().map(Transport::toString).collect(Collectors.toSet()),
                c.maxConcurrent(), c.maxSetupRate(), c.retryAfter(), c.noAnswerTimeout(), config.directory(), clock,
                config.outbound().toOutbound());
    }

    public int activeCalls() {
        return sip.activeCalls();
    }

    public int openMediaSessions() {
        return media.openSessions();
    }

    public int freePortPairs() {
        return media.freePortPairs();
    }

    /** UDP channels the media relay holds open: four per call, none when idle. */
    public int openMediaChannels() {
        return media.openChannels();
    }

    /** The store recordings go to (R7, R8). */
    public RecordingStore recordingStore() {
        return recordings.store();
    }

    /** Recordings ended and not yet in the store: they wait in the spool. */
    public int pendingUploads() {
        return recordings.pendingUploads();
    }

    /** Calls end first (their recordings reach the spool), then media, then the store. */
    @Override
    public void close() {
        sip.close();
        media.close();
        recordings.close();
    }
}
