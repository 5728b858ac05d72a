package org.callgate.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.LiveCallFeed;
import org.callgate.core.call.CallObserver;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.LiveCall;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' live panel's source (R15): the calls routed to an agent queue, answered and ended,
 * from the SIP layer's {@link CallObserver} to the web API's subscribers.
 *
 * <p>Signalling threads only hand an event over: one named thread, behind a bounded queue (a full
 * queue drops the event with a WARN, never blocks SIP), finds the caller's dossier and its display
 * name in the index, remembers the calls in progress (so an end still names its service, queue and
 * dossier) and tells the subscribers, in order. A new subscriber first gets the calls in
 * progress.
 */
final class LiveCallHub implements CallObserver, LiveCallFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCallHub.class);
    private static final int QUEUE = 1_000;

    private final Function<SearchQuery, SearchPage> index;
    private final Map<String, LiveCall> inProgress = new ConcurrentHashMap<>();
    private final List<Consumer<LiveCall>> subscribers = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            Thread.ofPlatform().name("callgate-live-calls").daemon().factory(),
            (task, pool) -> LOG.warn("live call panel behind by {} events: one dropped", QUEUE));

    /** @param index the dossier search, for the caller's dossier and its display name */
    LiveCallHub(Function<SearchQuery, SearchPage> index) {
        this.index = index;
    }

    @Override
    public void callRouted(LiveCall call) {
        worker.execute(() -> publish(identified(call)));
    }

    @Override
    public void callAnswered(LiveCall call) {
        worker.execute(() -> publish(call));
    }

    @Override
    public void callEnded(CallSummary summary) {
        worker.execute(() -> {
            LiveCall known = inProgress.get(summary.callId());
            if (known != null) {
                publish(new LiveCall(
                        known.callId(),
                        known.service(),
                        known.queue(),
                        known.caller(),
                        LiveCall.State.ENDED,
                        summary.ended(),
                        known.dossier(),
                        known.displayName()));
            }
        });
    }

    @Override
    public Subscription subscribe(Consumer<LiveCall> subscriber) {
        worker.execute(() -> {
            inProgress.values().forEach(subscriber);
            subscribers.add(subscriber);
        });
        return () -> worker.execute(() -> subscribers.remove(subscriber));
    }

    /** Fills in what an answer or an end does not carry from the routing: queue, dossier, name. */
    private void publish(LiveCall event) {
        LiveCall known = inProgress.get(event.callId());
        LiveCall full = known == null || event.state() == LiveCall.State.ROUTING
                ? event
                : new LiveCall(
                        event.callId(),
                        event.service() == null ? known.service() : event.service(),
                        event.queue() == null ? known.queue() : event.queue(),
                        event.caller(),
                        event.state(),
                        event.time(),
                        known.dossier(),
                        known.displayName());
        if (full.state() == LiveCall.State.ENDED) {
            inProgress.remove(full.callId());
        } else {
            inProgress.put(full.callId(), full);
        }
        for (Consumer<LiveCall> subscriber : subscribers) {
            try {
                subscriber.accept(full);
            } catch (RuntimeException e) {
                LOG.warn("live call subscriber failed: {}", e.toString());
            }
        }
    }

    /** The route's dossier, else the caller's most recent one by number (R15), with its name. */
    private LiveCall identified(LiveCall call) {
        try {
            SearchQuery dossiers = SearchQuery.all().only(RecordKind.DOSSIER).page(0, 1);
            Optional<PhoneNumber> number = PhoneNumber.tryParse(call.caller());
            SearchQuery query;
            if (call.dossier() != null) {
                query = dossiers.withDossier(call.dossier());
            } else if (number.isPresent()) {
                query = dossiers.withPhone(number.get());
            } else {
                return call;
            }
            Optional<SearchHit> hit = index.apply(query).hits().stream().findFirst();
            return hit.map(found -> call.withDossier(found.id(), found.displayName()))
                    .orElse(call);
        } catch (RuntimeException e) {
            LOG.warn("{}: caller's dossier not found for the live panel: {}", call.callId(), e.toString());
            return call;
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
