package org.callgate.core.dossier;

import java.util.List;

/**
 * A page of results: {@code total} matches in all ({@code totalExact} false: at least that many,
 * as counting every match of a broad query costs more than the page), {@code hits} from
 * {@code offset}.
 */
public record SearchPage(long total, boolean totalExact, int offset, List<SearchHit> hits) {

    public SearchPage {
        hits = List.copyOf(hits);
    }
}
