package org.callgate.web;

import static org.callgate.core.access.Capability.AUDIT;
import static org.callgate.core.access.Capability.BANKING_RECORDINGS;
import static org.callgate.core.access.Capability.CALLBACKS;
import static org.callgate.core.access.Capability.COMPLETENESS_REPORT;
import static org.callgate.core.access.Capability.CONFIGURATION_READ;
import static org.callgate.core.access.Capability.DOSSIER_READ;
import static org.callgate.core.access.Capability.DOSSIER_WRITE;
import static org.callgate.core.access.Capability.HOLDS;
import static org.callgate.core.access.Capability.REQUESTS;
import static org.callgate.core.access.Capability.REQUEST_LOG;
import static org.callgate.core.access.Capability.SAMPLED_RECORDINGS;
import static org.callgate.core.access.Capability.SEARCH;
import static org.callgate.core.access.Capability.TRACES;
import static org.callgate.core.access.Capability.USERS;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.Account;
import org.callgate.core.access.Accounts;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Authentication;
import org.callgate.core.access.Callbacks;
import org.callgate.core.access.Capability;
import org.callgate.core.access.DossierLookup;
import org.callgate.core.access.OpenedDossier;
import org.callgate.core.access.RecordingAccess;
import org.callgate.core.access.RecordingAudio;
import org.callgate.core.access.RecordingFilter;
import org.callgate.core.access.RecordingSummary;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;

/**
 * In-memory SPIs for tests of the web layer: one user per role (password {@value #PASSWORD}), the
 * roles' capabilities as docs/security.md's matrix gives them, a user {@code locked} who is always
 * throttled, one dossier {@value #DOSSIER}, three recordings (sampled {@value #SAMPLED} of the
 * supervisor's service, banking {@value #BANKING}, sampled {@value #OTHER} of another service) with
 * the same {@value #AUDIO_SIZE}-byte audio, and an audit trail that keeps its entries (or fails when
 * told to).
 */
final class AccessFakes {

    static final String PASSWORD = "correct horse battery";
    static final String DOSSIER = "D2026-000001";
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final String SAMPLED = "call-sampled-1";
    static final String BANKING = "call-banking-1";
    static final String OTHER = "call-other-1";
    static final int AUDIO_SIZE = 1000;
    static final byte[] AUDIO = audio();
    static final String CALLER = "+32470123456";
    static final List<String> ROLES = List.of("agent", "supervisor", "compliance", "admin");

    static final Map<String, Set<Capability>> CAPABILITIES = Map.of(
            "agent", Set.of(SEARCH, DOSSIER_READ, DOSSIER_WRITE, TRACES, CALLBACKS, REQUEST_LOG),
            "supervisor", Set.of(SAMPLED_RECORDINGS),
            "compliance", Set.of(BANKING_RECORDINGS, HOLDS, REQUESTS, REQUEST_LOG, AUDIT, COMPLETENESS_REPORT),
            "admin", Set.of(USERS, CONFIGURATION_READ));

    record Entry(String action, String actor, Map<String, String> details) {}

    final MutableClock clock = new MutableClock(START);
    final List<Entry> audit = new CopyOnWriteArrayList<>();
    final List<SearchQuery> queries = new CopyOnWriteArrayList<>();
    final List<RecordingFilter> filters = new CopyOnWriteArrayList<>();
    final AtomicBoolean auditFails = new AtomicBoolean();
    final AtomicInteger opened = new AtomicInteger();
    final ComplianceFakes compliance = new ComplianceFakes(clock);
    final RequestFakes requests = new RequestFakes(clock);
    final AgentFakes agentSide = new AgentFakes();

    final Accounts accounts = (name, password, address) -> {
        if (name.equals("locked")) {
            return new Authentication.Throttled(Duration.ofSeconds(90));
        }
        if (!ROLES.contains(name) || !new String(password).equals(PASSWORD)) {
            return new Authentication.Refused();
        }
        Set<String> services = name.equals("supervisor") ? Set.of("parcels") : Set.of();
        return new Authentication.Granted(new Account(name, Set.of(name), CAPABILITIES.get(name), services));
    };

    final AuditTrail trail = (action, actor, details) -> {
        if (auditFails.get()) {
            throw new IOException("audit log unavailable");
        }
        audit.add(new Entry(action, actor, Map.copyOf(details)));
    };

    static final List<RecordingSummary> RECORDINGS = List.of(
            recording(SAMPLED, "parcels", false), recording(BANKING, "bank", true), recording(OTHER, "energy", false));

    final RecordingAccess recordings = new RecordingAccess() {
        @Override
        public List<RecordingSummary> find(RecordingFilter filter) {
            filters.add(filter);
            return RECORDINGS.stream()
                    .filter(r -> filter.service() == null || filter.service().equals(r.service()))
                    .limit(filter.limit())
                    .toList();
        }

        @Override
        public Optional<RecordingSummary> recording(String callId) {
            return RECORDINGS.stream().filter(r -> r.callId().equals(callId)).findFirst();
        }

        @Override
        public OptionalLong audioSize(String callId) {
            return recording(callId).isPresent() ? OptionalLong.of(AUDIO_SIZE) : OptionalLong.empty();
        }

        @Override
        public RecordingAudio open(String callId, long first, long last) {
            opened.incrementAndGet();
            return new RecordingAudio(
                    AUDIO_SIZE, "audio/wav", new ByteArrayInputStream(AUDIO, (int) first, (int) (last - first + 1)));
        }
    };

    final DossierLookup dossiers = new DossierLookup() {
        @Override
        public SearchPage search(SearchQuery query) {
            queries.add(query);
            if ("Dubois".equalsIgnoreCase(query.name())) {
                return new SearchPage(1, true, 0, List.of(hit()));
            }
            return new SearchPage(0, true, 0, List.of());
        }

        @Override
        public Optional<OpenedDossier> open(String number) {
            return number.equals(DOSSIER) ? Optional.of(new OpenedDossier(dossier(), List.of())) : Optional.empty();
        }
    };

    /** Callbacks asked for, as (phone, number, service). */
    final List<List<String>> callbacksAsked = new CopyOnWriteArrayList<>();

    /** A phone whose URI names {@code busy} refuses (486); one naming {@code gone} never answers (408). */
    final Callbacks callbacks = (phone, number, service) -> {
        if (!phone.startsWith("sip:")) {
            throw new IllegalArgumentException("the phone must be a sip: URI: " + phone);
        }
        if (service.equals("off")) {
            throw new IllegalStateException("callbacks are off: no outbound trunk is configured");
        }
        String e164 = PhoneNumber.parse(number).e164();
        callbacksAsked.add(List.of(phone, e164, service));
        int status = phone.contains("busy") ? 486 : phone.contains("gone") ? 408 : 202;
        return new Callbacks.Outcome(e164, status);
    };

    /** A started server with these fakes behind the API. */
    WebServer start() {
        return agentSide
                .wire(WebServer.builder(WebSettings.loopback(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                        .access(accounts, trail, dossiers, clock)
                        .recordings(recordings)
                        .callbacks(callbacks)
                        .compliance(compliance.desk, compliance.reader, compliance.reports)
                        .requests(requests))
                .build()
                .start();
    }

    List<Entry> entries(String action) {
        return audit.stream().filter(entry -> entry.action().equals(action)).toList();
    }

    static Dossier dossier() {
        return new Dossier(
                DOSSIER,
                1,
                "Dubois",
                "Marie",
                List.of(PhoneNumber.parse("+32470123456")),
                null,
                null,
                "",
                "parcels",
                List.of(),
                START,
                START,
                new RecordRetention("dossier", START.plus(Duration.ofDays(1095)), false));
    }

    private static RecordingSummary recording(String callId, String service, boolean banking) {
        return new RecordingSummary(
                callId,
                service,
                START,
                Duration.ofSeconds(95),
                banking,
                CALLER,
                banking ? "banking" : "sampled",
                START.plus(Duration.ofDays(banking ? 1825 : 90)),
                false);
    }

    private static byte[] audio() {
        byte[] audio = new byte[AUDIO_SIZE];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) i;
        }
        System.arraycopy("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, audio, 0, 4);
        return audio;
    }

    private static SearchHit hit() {
        return new SearchHit(
                RecordKind.DOSSIER,
                DOSSIER,
                DOSSIER,
                "Dubois, Marie",
                List.of("+32470123456"),
                null,
                List.of(),
                "parcels",
                START,
                new RecordRetention("dossier", START.plus(Duration.ofDays(1095)), false),
                1.0f);
    }
}
