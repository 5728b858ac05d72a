package org.callgate.core.dossier;

/**
 * A record could not be made durable in the index: its journal or the index itself failed. The
 * record is in the store already (DESIGN §2: store first, then index), so the caller retries or
 * leaves it to the start-up recovery; it is never lost.
 */
public final class IndexingException extends Exception {

    private static final long serialVersionUID = 1L;

    public IndexingException(String message, Throwable cause) {
        super(message, cause);
    }
}
