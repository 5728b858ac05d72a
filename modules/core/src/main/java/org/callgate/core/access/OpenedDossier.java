package org.callgate.core.access;

import java.util.List;
import java.util.Objects;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.SearchHit;

/** A dossier with its calls, newest first: what the dossier page shows. */
public record OpenedDossier(Dossier dossier, List<SearchHit> history) {

    public OpenedDossier {
        Objects.requireNonNull(dossier, "dossier");
        history = List.copyOf(history);
    }
}
