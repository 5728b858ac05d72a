package org.callgate.core.ivr;

import java.util.Optional;
import org.callgate.core.PhoneNumber;

/**
 * Finds the dossier of a caller by number, for caller identification in the IVR (R15). The
 * Lucene index implements it; {@link InMemoryCallIndex} stands in until then and in tests.
 */
@FunctionalInterface
public interface CallIndex {

    /** The caller's dossier, if their number is on file. Must be fast: it runs before the IVR speaks. */
    Optional<KnownCaller> identify(PhoneNumber caller);

    CallIndex EMPTY = caller -> Optional.empty();
}
