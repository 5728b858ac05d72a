package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.access.LiveCallFeed;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.EndReason;
import org.callgate.core.call.LiveCall;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.junit.jupiter.api.Test;

/**
 * The live panel's source (R15): a routed call gets the caller's dossier and its name from the
 * index, an answer and an end carry what the routing knew, and a late subscriber first gets the
 * calls in progress.
 */
class LiveCallHubTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<SearchQuery> queries = new CopyOnWriteArrayList<>();

    private SearchPage index(SearchQuery query) {
        queries.add(query);
        if (query.phone() != null && query.phone().e164().equals("+32475123456")) {
            return new SearchPage(
                    1,
                    true,
                    0,
                    List.of(new SearchHit(
                            RecordKind.DOSSIER,
                            "D2026-000007",
                            "D2026-000007",
                            "Dubois, Marie",
                            List.of("+32475123456"),
                            null,
                            List.of(),
                            "private",
                            AT,
                            new RecordRetention("dossier", AT.plus(Duration.ofDays(1095)), false),
                            1.0f)));
        }
        return new SearchPage(0, true, 0, List.of());
    }

    private static LiveCall routed(String caller) {
        return new LiveCall("c-1", "private", "sip:private@queue", caller, LiveCall.State.ROUTING, AT, null, null);
    }

    private static CallSummary ended() {
        return new CallSummary(
                "c-1",
                "private",
                "+32475123456",
                AT,
                AT,
                AT.plusSeconds(60),
                EndReason.CALLER_HANGUP,
                200,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "private");
    }

    @Test
    void aRoutedCallShouldGetTheCallersDossierAndTheEndShouldKeepIt() {
        List<LiveCall> seen = new CopyOnWriteArrayList<>();
        try (LiveCallHub hub = new LiveCallHub(this::index);
                LiveCallFeed.Subscription subscription = hub.subscribe(seen::add)) {
            hub.callRouted(routed("+32475123456"));
            hub.callAnswered(
                    new LiveCall("c-1", "private", null, "+32475123456", LiveCall.State.ANSWERED, AT, null, null));
            hub.callEnded(ended());

            await().atMost(WAIT).until(() -> seen.size() == 3);
            assertThat(seen)
                    .extracting(LiveCall::state)
                    .containsExactly(LiveCall.State.ROUTING, LiveCall.State.ANSWERED, LiveCall.State.ENDED);
            assertThat(seen).allSatisfy(call -> {
                assertThat(call.dossier()).isEqualTo("D2026-000007");
                assertThat(call.displayName()).isEqualTo("Dubois, Marie");
                assertThat(call.queue()).isEqualTo("sip:private@queue");
            });
            assertThat(seen.get(2).time()).isEqualTo(AT.plusSeconds(60));
        }
    }

    @Test
    void anUnknownCallerShouldComeWithoutDossierAndAnUnroutedEndShouldNotShow() {
        List<LiveCall> seen = new CopyOnWriteArrayList<>();
        try (LiveCallHub hub = new LiveCallHub(this::index);
                LiveCallFeed.Subscription subscription = hub.subscribe(seen::add)) {
            hub.callEnded(ended());
            hub.callRouted(routed("+3222785044"));

            await().atMost(WAIT).until(() -> seen.size() == 1);
            assertThat(seen.getFirst().state()).isEqualTo(LiveCall.State.ROUTING);
            assertThat(seen.getFirst().dossier()).isNull();
        }
    }

    @Test
    void aLateSubscriberShouldFirstGetTheCallsInProgress() {
        List<LiveCall> early = new CopyOnWriteArrayList<>();
        List<LiveCall> late = new CopyOnWriteArrayList<>();
        try (LiveCallHub hub = new LiveCallHub(this::index);
                LiveCallFeed.Subscription first = hub.subscribe(early::add)) {
            hub.callRouted(routed("+32475123456"));
            await().atMost(WAIT).until(() -> early.size() == 1);

            try (LiveCallFeed.Subscription second = hub.subscribe(late::add)) {
                await().atMost(WAIT).until(() -> late.size() == 1);
                assertThat(late.getFirst().callId()).isEqualTo("c-1");
                assertThat(late.getFirst().dossier()).isEqualTo("D2026-000007");
            }
        }
    }
}
