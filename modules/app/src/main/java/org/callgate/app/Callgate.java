package org.callgate.app;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.SipConfig;
import org.callgate.app.config.SipTlsConfig;
import org.callgate.app.config.Transport;
import org.callgate.core.call.CallObserver;
import org.callgate.core.ivr.CallIndex;
import org.callgate.media.MediaSettings;
import org.callgate.media.NettyMediaControl;
import org.callgate.records.CallTraceWriter;
import org.callgate.records.Dossiers;
import org.callgate.retention.Purge;
import org.callgate.sip.B2buaSettings;
import org.callgate.sip.CallServices;
import org.callgate.sip.SipGateway;
import org.callgate.sip.SipGatewayException;
import org.callgate.sip.SipTls;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the one place that knows the concrete media and SIP implementations and
 * wires them from the configuration. Start order is the store, the index (recovering what the last
 * run left unindexed), the recording spool, then media and SIP, so that the first INVITE finds its
 * ports, its caller's dossier and its spool; the web server (when {@code web.enabled}) comes last,
 * so that {@code /health} reports only parts that exist. Stop order is the reverse, so that no
 * request reaches a part being closed, calls end with BYE before their ports close, and their
 * recordings reach the spool before the uploader stops.
 */
public final class Callgate implements AutoCloseable {

    /** Set by the first {@link #close()}: a shutdown hook and the caller may both close. */
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private static final Logger LOG = LoggerFactory.getLogger(Callgate.class);

    private final NettyMediaControl media;
    private final SipGateway sip;
    private final RecordingStore store;
    private final Recordings recordings;
    private final Records records;
    private final CallTraceWriter traces;
    private final Governance governance;
    private final WebServer web;
    private final LiveCallHub live;
    private final DrainWatch drain;

    private Callgate(
            NettyMediaControl media,
            SipGateway sip,
            DrainWatch drain,
            RecordingStore store,
            Recordings recordings,
            Records records,
            CallTraceWriter traces,
            Governance governance,
            WebServer web,
            LiveCallHub live) {
        this.live = live;
        this.media = media;
        this.sip = sip;
        this.drain = drain;
        this.store = store;
        this.recordings = recordings;
        this.records = records;
        this.traces = traces;
        this.governance = governance;
        this.web = web;
    }

    /**
     * Starts callgate; callers are identified by the index (R15).
     *
     * @throws StartupException when the SIP port cannot be bound, a prompt cannot be loaded, or
     *     the store or index cannot be opened (the message names the port, file or directory)
     */
    public static Callgate start(CallgateConfig config, Clock clock, CallObserver observer) throws StartupException {
        return start(config, clock, observer, null);
    }

    /**
     * Starts callgate with another caller index for caller identification (R15), or the index's
     * dossiers when {@code callers} is null.
     *
     * @throws StartupException as {@link #start(CallgateConfig, Clock, CallObserver)}
     */
    public static Callgate start(CallgateConfig config, Clock clock, CallObserver observer, CallIndex callers)
            throws StartupException {
        PromptLibrary prompts;
        try {
            prompts = PromptLibrary.load(config.promptsDir(), config.directory().lines());
        } catch (IllegalArgumentException e) {
            throw new StartupException("cannot load IVR prompts: " + e.getMessage(), e);
        }
        var recording = config.recording();
        if (recording.usesDemoKey()) {
            LOG.warn("recording.sampling-key is the built-in demo key: anyone can predict which calls are sampled;"
                    + " set a secret key in the configuration (docs/configuration.md)");
        }
        RetentionProfile retention = AppliedProfile.apply(config);
        RecordingStore store = Recordings.openStore(config.store(), clock);
        Governance governance = null;
        Records records = null;
        Recordings recordings = null;
        try {
            governance = Governance.open(config, store, retention, clock);
            records = Records.open(
                    config.index(),
                    config.store(),
                    store,
                    retention,
                    governance.holds(),
                    governance.restrictions(),
                    clock);
            governance.resumeHolds(records.index());
            recordings = Recordings.open(config.store(), store, retention, records.writer(), governance.holds());
            governance.startSchedules(purge(governance, records, config));
        } catch (StartupException | RuntimeException e) {
            if (recordings != null) {
                recordings.close();
            }
            closeAll(governance, records, store);
            throw e;
        }
        CallTraceWriter traces = new CallTraceWriter(records.writer(), retention);
        NettyMediaControl media = new NettyMediaControl(mediaSettings(config, clock));
        LiveCallHub live = new LiveCallHub(records.index()::search);
        CallObserver observers = CallObservers.of(traces::callEnded, observer, live);
        SipGateway sip = new SipGateway(
                sipSettings(config, clock),
                media,
                observers,
                new CallServices(
                        prompts,
                        callers != null ? callers : records.dossiers(),
                        SmsSenders.create(config.sms()),
                        recording.toDecision(),
                        governance.requests().objections(recording.toObjectionList()),
                        recordings.recorder(),
                        recording.toFailurePolicy(),
                        governance.requests().surveyWithdrawals()));
        // Before SIP starts: a node restarted while a drain is requested answers its very first
        // OPTIONS and INVITE 503 (ADR 0017).
        DrainWatch drain = DrainWatch.start(DrainFiles.of(config.store()), sip, clock);
        try {
            sip.start();
        } catch (SipGatewayException e) {
            drain.close();
            live.close();
            media.close();
            recordings.close();
            traces.close();
            closeAll(governance, records, store);
            throw new StartupException(e.getMessage(), e);
        }
        WebServer web = null;
        if (config.web().enabled()) {
            try {
                web = WebFront.start(config, governance, clock, store, records, sip, recordings, live);
            } catch (StartupException e) {
                sip.close();
                drain.close();
                live.close();
                media.close();
                recordings.close();
                traces.close();
                closeAll(governance, records, store);
                throw e;
            }
            LOG.info("web server at {}", web.url());
        }
        return new Callgate(media, sip, drain, store, recordings, records, traces, governance, web, live);
    }

    private static Purge purge(Governance governance, Records records, CallgateConfig config) throws StartupException {
        try {
            return governance.purge(records.index());
        } catch (IOException e) {
            throw new StartupException(
                    "cannot use the purge journal " + Governance.purgeJournal(config) + ": " + e.getMessage(), e);
        }
    }

    private static void closeAll(Governance governance, Records records, RecordingStore store) {
        if (governance != null) {
            governance.close();
        }
        if (records != null) {
            records.close();
        }
        store.close();
    }

    static MediaSettings mediaSettings(CallgateConfig config, Clock clock) {
        var m = config.media();
        return new MediaSettings(
                m.inetAddress(),
                m.inetAddress(),
                m.rtpPortMin(),
                m.rtpPortMax(),
                m.inactivityTimeout(),
                clock,
                m.effectiveThreads());
    }

    static B2buaSettings sipSettings(CallgateConfig config, Clock clock) {
        var s = config.sip();
        var c = config.calls();
        return new B2buaSettings(
                s.listenInetAddress(),
                s.advertisedInetAddress(),
                s.port(),
                s.transports().stream().map(Transport::toString).collect(Collectors.toSet()),
                c.maxConcurrent(),
                c.maxSetupRate(),
                c.retryAfter(),
                c.overloadDelay(),
                c.noAnswerTimeout(),
                config.directory(),
                clock,
                config.outbound().toOutbound(),
                sipTls(s),
                s.outboundProxy());
    }

    private static SipTls sipTls(SipConfig sip) {
        SipTlsConfig tls = sip.tls();
        return sip.transports().contains(Transport.TLS)
                ? new SipTls(tls.effectivePort(sip.port()), tls.certificate(), tls.key(), tls.trust())
                : SipTls.NONE;
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

    /** The store recordings, traces and dossiers go to (R1, R2, R7, R8). */
    public RecordingStore recordingStore() {
        return store;
    }

    /** The agents' look-up service over the index (R2, R15). */
    public Dossiers dossiers() {
        return records.dossiers();
    }

    /** Call traces handed over at call end and not yet written. */
    public int pendingTraces() {
        return traces.pending();
    }

    /**
     * Calls that were to be recorded and whose recorder could not start, since start-up: the
     * alarm's counter (R8); each also has an ERROR line naming the call.
     */
    public long recorderFailures() {
        return sip.recorderFailures();
    }

    /** The web server's base URL, such as {@code http://127.0.0.1:8080}, when {@code web.enabled}. */
    public Optional<String> webUrl() {
        return web == null ? Optional.empty() : Optional.of(web.url());
    }

    /** Recordings ended and not yet in the store: they wait in the spool. */
    public int pendingUploads() {
        return recordings.pendingUploads();
    }

    /**
     * The web server stops first (no request reaches a closing part), then calls end (their
     * recordings reach the spool, their traces the writer) and the drain status says so, then media,
     * then the uploader and the trace writer, then the index commits, then the store closes.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (web != null) {
            web.close();
        }
        sip.close();
        drain.close();
        live.close();
        media.close();
        recordings.close();
        traces.close();
        governance.close();
        records.close();
        store.close();
    }
}
