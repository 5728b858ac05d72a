package org.callgate.core.access;

import java.io.IOException;
import java.util.Optional;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;

/** Searches the index and opens dossiers from the store, for the web API. */
public interface DossierLookup {

    SearchPage search(SearchQuery query);

    /** The dossier with this number and its call history, or empty when there is none. */
    Optional<OpenedDossier> open(String number) throws IOException;
}
