package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's counts: one per service, kind and day, exact even where the index only gives a
 * lower bound for a broad period.
 */
class CoverageCountsTest {

    private static final Instant DAY = Instant.parse("2026-12-04T00:00:00Z");

    /** 2,400 traces of "bank", one a minute of 2026-12-04 from 00:00, and half as many recordings; exact up to 1,000. */
    private final AtomicInteger searches = new AtomicInteger();

    private final Function<SearchQuery, SearchPage> index = query -> {
        searches.incrementAndGet();
        long matching = 0;
        if ("bank".equals(query.service())) {
            for (int minute = 0; minute < 1440; minute++) {
                Instant time = DAY.plus(Duration.ofMinutes(minute));
                boolean in = !time.isBefore(query.from()) && time.isBefore(query.to());
                if (in) {
                    matching += query.kinds().contains(RecordKind.TRACE) ? 2 : minute % 2 == 0 ? 1 : 0;
                }
            }
        }
        return new SearchPage(Math.min(matching, 1000), matching <= 1000, 0, List.of());
    };

    @Test
    void aBusyDayShouldBeCountedExactlyByCuttingItUntilTheIndexCountsExactly() {
        CoverageCounts counts = new CoverageCounts(index, List.of("bank"), Set.of("bank"));

        long traces = counts.count(RecordKind.TRACE, "bank", DAY, DAY.plus(Duration.ofDays(1)));
        long recordings = counts.count(RecordKind.RECORDING, "bank", DAY, DAY.plus(Duration.ofDays(1)));

        assertThat(traces).isEqualTo(2880);
        assertThat(recordings).isEqualTo(720);
    }

    @Test
    void theDashboardShouldHaveOneValuePerDayOldestFirstForEveryService() {
        CoverageCounts counts = new CoverageCounts(index, List.of("bank", "parcels"), Set.of("bank"));

        var dashboard = counts.dashboard(LocalDate.parse("2026-12-05"), 3);

        assertThat(dashboard.days())
                .extracting(LocalDate::toString)
                .containsExactly("2026-12-03", "2026-12-04", "2026-12-05");
        var bank = dashboard.services().getFirst();
        assertThat(bank.banking()).isTrue();
        assertThat(bank.calls()).containsExactly(0L, 2880L, 0L);
        assertThat(bank.recorded()).containsExactly(0L, 720L, 0L);
        var parcels = dashboard.services().get(1);
        assertThat(parcels.banking()).isFalse();
        assertThat(new ArrayList<>(parcels.calls())).containsOnly(0L);
    }
}
