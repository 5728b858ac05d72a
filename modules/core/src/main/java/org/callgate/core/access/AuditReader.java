package org.callgate.core.access;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the audit log for compliance staff (R11): its entries, newest first, and whether its hash
 * chain is intact. Reading only; the web layer writes its own {@code audit.read} entry through
 * {@link AuditTrail} before any entry leaves the server.
 */
public interface AuditReader {

    /** The most entries one page holds. */
    int MAX_LIMIT = 500;

    /**
     * Entries whose sequence is below {@code before} (every entry when {@code before} is {@link
     * Long#MAX_VALUE}), newest first, at most {@code limit}.
     */
    List<AuditRecord> entries(long before, int limit) throws IOException;

    /** The newest entry: the chain's head; empty while the log has none. */
    Optional<AuditRecord> head();

    /** The chain's state; a recent result may be reused, {@link AuditCheck#checkedAt()} says when it was made. */
    AuditCheck verification();
}
