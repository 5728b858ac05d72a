package org.callgate.web;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.sse.ServerSentEvent;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.common.stream.StreamWriter;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.streaming.ServerSentEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;
import org.callgate.core.access.LiveCallFeed;
import org.callgate.core.call.LiveCall;

/**
 * {@code GET /api/v1/calls/live}: the agents' live panel (R15) as server-sent events. Each call
 * routed to a queue, answered or ended is an event named {@code call} whose data is the call as
 * JSON, with the caller's dossier when the caller was identified, so the panel can pop it. An
 * account with services sees the calls of those services only; one without, all calls. A comment
 * every {@link #HEARTBEAT} keeps proxies from closing an idle stream.
 *
 * <p>The feed calls in on signalling threads, so nothing here blocks: an event is queued on the
 * client's stream, and a client more than {@value #BUFFER} events behind (a stalled browser) is
 * disconnected rather than buffered without bound. Opening the stream is audited (R11), since it
 * shows callers' numbers.
 */
final class LiveCallRoutes implements ApiRoutes {

    /** How often an idle stream gets a comment line. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** Events a client may be behind before it is disconnected. */
    static final int BUFFER = 256;

    /** The audit action of opening the stream. */
    static final String AUDIT_ACTION = "calls.live";

    private final LiveCallFeed feed;
    private final AuditTrail audit;
    private final AccessControl access;
    private final Duration heartbeat;

    LiveCallRoutes(LiveCallFeed feed, AuditTrail audit, AccessControl access, Duration heartbeat) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route().get(prefix + "/calls/live").build(access.requires(Capability.DOSSIER_READ, this::stream));
    }

    private HttpResponse stream(ServiceRequestContext ctx, HttpRequest req) {
        Session session = access.session(ctx);
        ctx.clearRequestTimeout();
        CompletableFuture<HttpResponse> opened = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        audit.record(AUDIT_ACTION, session.account().name(), Map.of());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return open(ctx, session.account().services());
                },
                ctx.blockingTaskExecutor());
        return HttpResponse.of(opened.exceptionally(
                e -> JsonErrors.forException(ctx, e.getCause() == null ? e : e.getCause())
                        .toHttpResponse()));
    }

    private HttpResponse open(ServiceRequestContext ctx, Set<String> services) {
        Client client = new Client(services);
        LiveCallFeed.Subscription subscription = feed.subscribe(client);
        java.util.concurrent.ScheduledFuture<?> beats = ctx.eventLoop()
                .scheduleAtFixedRate(
                        () -> client.send(ServerSentEvent.ofComment("heartbeat")),
                        heartbeat.toMillis(),
                        heartbeat.toMillis(),
                        TimeUnit.MILLISECONDS);
        client.writer.whenComplete().handle((done, error) -> {
            beats.cancel(false);
            subscription.close();
            return null;
        });
        return ServerSentEvents.fromPublisher(client.writer, event -> {
            client.pending.decrementAndGet();
            return event;
        });
    }

    /** One connected panel: its services and its bounded share of the stream. */
    private static final class Client implements Consumer<LiveCall> {
        final StreamWriter<ServerSentEvent> writer = StreamMessage.streaming();
        final AtomicInteger pending = new AtomicInteger();
        private final Set<String> services;

        Client(Set<String> services) {
            this.services = Set.copyOf(services);
        }

        @Override
        public void accept(LiveCall call) {
            if (services.isEmpty() || services.contains(call.service())) {
                send(ServerSentEvent.builder()
                        .event("call")
                        .data(new String(Json.bytes(data(call)), java.nio.charset.StandardCharsets.UTF_8))
                        .build());
            }
        }

        void send(ServerSentEvent event) {
            if (pending.incrementAndGet() > BUFFER) {
                writer.abort(); // too far behind: the panel reconnects and starts afresh
                return;
            }
            writer.tryWrite(event);
        }
    }

    /** The event's data: the contract's call shape. */
    static Map<String, Object> data(LiveCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", call.callId());
        body.put("service", call.service());
        body.put("queue", call.queue());
        body.put("caller", call.caller());
        body.put("state", call.state().name().toLowerCase(Locale.ROOT));
        body.put("time", call.time().toString());
        if (call.dossier() == null) {
            body.put("dossier", null);
        } else {
            Map<String, Object> dossier = new LinkedHashMap<>();
            dossier.put("number", call.dossier());
            dossier.put("displayName", call.displayName());
            body.put("dossier", dossier);
        }
        return body;
    }
}
