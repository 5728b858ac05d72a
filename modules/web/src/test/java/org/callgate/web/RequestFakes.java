package org.callgate.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.RequestRegister;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.DossierCorrection;
import org.callgate.core.request.RequestOutcome;
import org.callgate.core.request.RequestStatus;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;

/**
 * An in-memory request register for tests of the web layer, with {@link RightsRequest}'s own rules
 * between steps: four requests received at the clock's start, three open ({@value #TO_VERIFY},
 * {@value #TO_EXTEND}, {@value #TO_REFUSE}) and one verified ({@value #TO_ANSWER}), one per step
 * route, so that the role matrix can take each step once; and a verified access request
 * ({@value #TO_EXPORT}) to export and a verified rectification ({@value #TO_RECTIFY}).
 */
final class RequestFakes implements RequestRegister {

    static final String TO_VERIFY = "R20260301T090000-bbbb0001";
    static final String TO_EXTEND = "R20260301T090000-bbbb0002";
    static final String TO_ANSWER = "R20260301T090000-bbbb0003";
    static final String TO_REFUSE = "R20260301T090000-bbbb0004";
    /** A verified access request: exported once in the role matrix. */
    static final String TO_EXPORT = "R20260301T090000-bbbb0005";
    /** A verified rectification: rectified once in the role matrix. */
    static final String TO_RECTIFY = "R20260301T090000-bbbb0006";

    static final DataSubject SUBJECT = new DataSubject(
            List.of(PhoneNumber.parse(AccessFakes.CALLER)), List.of(AccessFakes.DOSSIER), "Marie Dubois", null);

    private final Clock clock;
    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, RightsRequest> requests = new ConcurrentHashMap<>();
    /** Each step asked, as "step id actor". */
    final List<String> steps = new CopyOnWriteArrayList<>();

    RequestFakes(Clock clock) {
        this.clock = clock;
        Instant received = clock.instant();
        for (String id : List.of(TO_VERIFY, TO_EXTEND, TO_ANSWER, TO_REFUSE)) {
            requests.put(id, RightsRequest.open(id, RequestType.ERASURE, SUBJECT, received, "letter", "compliance"));
        }
        requests.computeIfPresent(TO_ANSWER, (id, r) -> r.verify("ID card", "compliance", received));
        requests.put(
                TO_EXPORT,
                RightsRequest.open(TO_EXPORT, RequestType.ACCESS, SUBJECT, received, "desk", "compliance")
                        .verify("ID card", "compliance", received));
        requests.put(
                TO_RECTIFY,
                RightsRequest.open(TO_RECTIFY, RequestType.RECTIFICATION, SUBJECT, received, "desk", "compliance")
                        .verify("ID card", "compliance", received));
    }

    @Override
    public List<RightsRequest> list(boolean closed) {
        return requests.values().stream()
                .filter(r -> closed || !r.status().closed())
                .sorted(Comparator.comparing(RightsRequest::due).thenComparing(RightsRequest::id))
                .toList();
    }

    @Override
    public Optional<RightsRequest> find(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public RightsRequest open(RequestType type, DataSubject subject, Instant received, String via, String actor) {
        if (received != null && received.isAfter(clock.instant())) {
            throw new IllegalArgumentException("a request cannot be received in the future (" + received + ")");
        }
        String id = "R-" + ids.incrementAndGet();
        RightsRequest request =
                RightsRequest.open(id, type, subject, received != null ? received : clock.instant(), via, actor);
        requests.put(id, request);
        steps.add("open " + id + " " + actor);
        return request;
    }

    @Override
    public RightsRequest verify(String id, String method, String actor) throws IOException {
        return step("verify", id, actor, r -> r.verify(method, actor, clock.instant()));
    }

    @Override
    public RightsRequest extend(String id, Instant due, String reason, String actor) throws IOException {
        return step("extend", id, actor, r -> r.extend(due, reason, actor, clock.instant()));
    }

    @Override
    public RightsRequest answer(String id, String text, String actor) throws IOException {
        return step("answer", id, actor, r -> r.answer(text, actor, clock.instant()));
    }

    @Override
    public RightsRequest refuse(String id, String reason, String actor) throws IOException {
        return step("refuse", id, actor, r -> r.refuse(reason, actor, clock.instant()));
    }

    /** Carries out nothing, but with the register's refusals: verified first (R22), a type that changes records. */
    @Override
    public RequestOutcome carryOut(String id, String actor) {
        RightsRequest request = verified(id);
        if (request.type() == RequestType.ACCESS || request.type() == RequestType.PORTABILITY) {
            throw new IllegalArgumentException("a " + request.type().word() + " request changes no record");
        }
        steps.add("carry-out " + id + " " + actor);
        return new RequestOutcome(
                "erasure: 1 records erased, 0 kept.",
                Map.of("erased", 1, "kept", 0, "records", List.of(Map.of("kind", "trace", "id", "call-1"))));
    }

    /** Writes {@link #EXPORT} as the "zip", with the register's refusals. */
    @Override
    public void export(String id, String actor, OutputStream out) throws IOException {
        RightsRequest request = verified(id);
        if (request.type() != RequestType.ACCESS && request.type() != RequestType.PORTABILITY) {
            throw new IllegalArgumentException("only an access or portability request is answered by an export");
        }
        steps.add("export " + id + " " + actor);
        out.write(EXPORT);
    }

    /** Corrects nothing, with the register's refusals: verified first (R22), a rectification only. */
    @Override
    public RequestOutcome rectify(String id, DossierCorrection correction, String actor) {
        RightsRequest request = verified(id);
        if (request.type() != RequestType.RECTIFICATION) {
            throw new IllegalArgumentException("only a rectification request corrects a dossier");
        }
        steps.add("rectify " + id + " " + correction.dossier() + " " + actor);
        return new RequestOutcome("rectification: 1 records erased, 0 kept.", Map.of("erased", 1, "kept", 0));
    }

    static final byte[] EXPORT = "PK export of the fake".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private RightsRequest verified(String id) {
        RightsRequest request = requests.get(id);
        if (request.status() != RequestStatus.VERIFIED) {
            throw new IllegalStateException(
                    "request " + id + " is " + request.status().word() + " (R22)");
        }
        return request;
    }

    private RightsRequest step(String name, String id, String actor, UnaryOperator<RightsRequest> step) {
        RightsRequest next = step.apply(requests.get(id));
        requests.put(id, next);
        steps.add(name + " " + id + " " + actor);
        return next;
    }
}
