package org.callgate.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callgate.audit.AuditEntry;
import org.callgate.audit.AuditHistory;
import org.callgate.audit.AuditLog;
import org.callgate.audit.AuditVerification;
import org.callgate.audit.AuditVerifier;
import org.callgate.core.access.AuditCheck;
import org.callgate.core.access.AuditReader;
import org.callgate.core.access.AuditRecord;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * The audit log for the web API (R11): its entries read back from the segments, its head, and its
 * verification as {@code callgate audit verify} makes it, against the sealed copies and head in
 * the store.
 *
 * <p>A verification walks the whole chain, so its result is reused for {@link #REUSE}: officers
 * paging through the log do not each re-read it. The log is appended to while it is verified: a
 * last line caught half written reads as torn, so a torn break is checked once more before it is
 * reported.
 */
final class AuditWeb implements AuditReader {

    /** How long a verification's result is shown before the chain is walked again. */
    static final Duration REUSE = Duration.ofMinutes(1);

    private final AuditLog log;
    private final RecordingStore store;
    private final Clock clock;
    private AuditCheck last;

    AuditWeb(AuditLog log, RecordingStore store, Clock clock) {
        this.log = log;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<AuditRecord> entries(long before, int limit) throws IOException {
        return AuditHistory.before(log.directory(), before, limit).stream()
                .map(AuditWeb::record)
                .toList();
    }

    @Override
    public Optional<AuditRecord> head() {
        return log.head().map(AuditWeb::record);
    }

    @Override
    public synchronized AuditCheck verification() {
        Instant now = clock.instant();
        if (last == null
                || last.checkedAt() == null
                || !now.isBefore(last.checkedAt().plus(REUSE))) {
            last = verify(now);
        }
        return last;
    }

    private AuditCheck verify(Instant now) {
        try {
            AuditVerification result = AuditVerifier.verify(log.directory(), store);
            if (torn(result)) {
                result = AuditVerifier.verify(log.directory(), store);
            }
            return new AuditCheck(
                    result.intact() ? AuditCheck.State.INTACT : AuditCheck.State.BROKEN,
                    result.entries(),
                    now,
                    result.summary());
        } catch (IOException | StoreException | RuntimeException e) {
            return new AuditCheck(
                    AuditCheck.State.UNVERIFIED, 0, now, "the audit log could not be verified: " + e.getMessage());
        }
    }

    private static boolean torn(AuditVerification result) {
        return result.firstBreak()
                .filter(broken -> broken.reason() == AuditVerification.Reason.TORN)
                .isPresent();
    }

    private static AuditRecord record(AuditEntry entry) {
        return new AuditRecord(entry.seq(), entry.time(), entry.action(), entry.actor(), entry.details(), entry.hash());
    }
}
