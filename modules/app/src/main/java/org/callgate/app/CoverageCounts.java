package org.callgate.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.MenuConfig;
import org.callgate.app.config.ServiceLineConfig;
import org.callgate.core.access.Dashboard;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;

/**
 * Calls and recordings per service per UTC day, counted in the index: a call is its trace (R1), a
 * recorded call its recording (R4). A banking service must be at 1.0 (R8); a sampled one at its
 * sampling rate (R6, R7, R14).
 *
 * <p>The index counts matches exactly only up to a threshold (a broad query's total is a lower
 * bound, {@link SearchPage#totalExact()}); a period whose count is not exact is cut in two until
 * each part's is, so that a busy day costs a few more searches, never a wrong number.
 */
final class CoverageCounts {

    private static final Duration SMALLEST = Duration.ofSeconds(1);

    private final Function<SearchQuery, SearchPage> index;
    private final List<String> services;
    private final Set<String> banking;

    CoverageCounts(Function<SearchQuery, SearchPage> index, List<String> services, Set<String> banking) {
        this.index = index;
        this.services = List.copyOf(services);
        this.banking = Set.copyOf(banking);
    }

    /** Over the configured services: every line, every menu option's service, every banking service. */
    static CoverageCounts of(Function<SearchQuery, SearchPage> index, CallgateConfig config) {
        Set<String> services = new LinkedHashSet<>();
        for (ServiceLineConfig line : config.serviceLines()) {
            services.add(line.id());
            if (line.ivr() != null) {
                addMenu(services, line.ivr().menu());
            }
        }
        services.addAll(config.recording().bankingServices());
        return new CoverageCounts(
                index, List.copyOf(services), Set.copyOf(config.recording().bankingServices()));
    }

    private static void addMenu(Set<String> services, MenuConfig menu) {
        if (menu == null) {
            return;
        }
        menu.options().values().forEach(option -> {
            if (option.service() != null) {
                services.add(option.service());
            }
            addMenu(services, option.menu());
        });
    }

    Dashboard dashboard(LocalDate last, int days) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            dates.add(last.minusDays(i));
        }
        List<Dashboard.Series> series = new ArrayList<>();
        for (String service : services) {
            List<Long> calls = new ArrayList<>();
            List<Long> recorded = new ArrayList<>();
            for (LocalDate day : dates) {
                Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                calls.add(count(RecordKind.TRACE, service, from, to));
                recorded.add(count(RecordKind.RECORDING, service, from, to));
            }
            series.add(new Dashboard.Series(service, banking.contains(service), calls, recorded));
        }
        return new Dashboard(dates, series);
    }

    /** Exact: a count that is only a lower bound is made of the counts of the two halves. */
    long count(RecordKind kind, String service, Instant from, Instant to) {
        SearchPage page = index.apply(SearchQuery.all()
                .only(kind)
                .withService(service)
                .between(from, to)
                .page(0, 1));
        Duration span = Duration.between(from, to);
        if (page.totalExact() || span.compareTo(SMALLEST) <= 0) {
            return page.total();
        }
        Instant middle = from.plus(span.dividedBy(2));
        return count(kind, service, from, middle) + count(kind, service, middle, to);
    }
}
