package org.callgate.records;

import java.util.List;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.SearchHit;

/** A dossier as an agent opens it: the dossier from the store and its calls, newest first. */
public record DossierView(Dossier dossier, List<SearchHit> history) {

    public DossierView {
        history = List.copyOf(history);
    }
}
