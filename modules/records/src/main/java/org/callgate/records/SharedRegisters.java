package org.callgate.records;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registers every call and write consults, shared by every node on one store (ADR 0018): legal
 * holds (R19: what a hold covers is held from its creation), data-subject requests with the
 * objections and survey withdrawals each call reads (R12, R10), and restricted records (R12: left
 * out of the IVR and searches). Each node keeps them in memory, because a call cannot wait for the
 * store; the store stays their source of truth (DESIGN §2), and a change made through any node
 * applies on every other within a second.
 *
 * <p>How: a node that changes a register rings {@link RegisterChanges} after storing the change;
 * every node {@link #follow}s, every {@link #LISTEN_EVERY}: it looks up the entry after the last it
 * heard, one lookup whatever the size of the registers, and when there is one it reads the
 * registers again, fetching only what it has not read. Every {@link #RESCAN_EVERY} by the injected
 * clock it reads them again anyway and finds the log's newest entry by a listing, which catches
 * a change whose ring was lost (a node that stopped between storing and ringing, a ring the store
 * failed). A failed ring is logged, never the change's failure: the change is stored.
 */
public final class SharedRegisters {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRegisters.class);

    /** How often a node looks for a ring: what bounds the delay before another node's change applies here. */
    public static final Duration LISTEN_EVERY = Duration.ofMillis(250);
    /** How often a node reads every register again, rung or not. */
    public static final Duration RESCAN_EVERY = Duration.ofMinutes(1);

    private final RegisterChanges changes;
    private final Clock clock;
    private LegalHolds holds;
    private RightsRequests requests;
    private Restrictions restrictions;
    private Instant nextRescan;
    private boolean failing;

    private SharedRegisters(RegisterChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
        this.nextRescan = clock.instant().plus(RESCAN_EVERY);
    }

    /**
     * Reads the three registers from the store, wired to ring when they change.
     *
     * @param node this node's name, written into its rings
     */
    public static SharedRegisters open(RecordingStore store, RetentionProfile profile, Clock clock, String node)
            throws StoreException, IOException {
        SharedRegisters shared = new SharedRegisters(RegisterChanges.open(store, clock, node), clock);
        Runnable ring = shared::ring;
        shared.holds = LegalHolds.load(store, profile, clock, ring);
        shared.requests = RightsRequests.load(store, profile, clock, ring);
        shared.restrictions = Restrictions.load(store, ring);
        return shared;
    }

    public LegalHolds holds() {
        return holds;
    }

    public RightsRequests requests() {
        return requests;
    }

    public Restrictions restrictions() {
        return restrictions;
    }

    /**
     * One step of following: when another node rang since the last step, or a full re-read is due,
     * reads the registers again. Returns whether it did.
     */
    public synchronized boolean follow() throws StoreException, IOException {
        Instant now = clock.instant();
        boolean rescan = !now.isBefore(nextRescan);
        long newest = rescan ? changes.catchUp() : changes.newest();
        if (!rescan && newest <= changes.heard()) {
            return false;
        }
        holds.refresh();
        requests.refresh();
        restrictions.refresh();
        changes.heardUpTo(newest); // only now: a read that failed is tried again at the next step
        if (rescan) {
            nextRescan = now.plus(RESCAN_EVERY);
        }
        return true;
    }

    /**
     * Follows on {@code scheduler} every {@code every}, until it shuts down. A step that fails (the
     * store unreachable or slow) is logged once and tried again; meanwhile this node keeps the
     * registers as it last read them.
     */
    public ScheduledFuture<?> followOn(ScheduledExecutorService scheduler, Duration every) {
        return scheduler.scheduleWithFixedDelay(this::followQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void followQuietly() {
        try {
            follow();
            if (failing) {
                failing = false;
                LOG.info("registers: following the other nodes' changes again");
            }
        } catch (IOException | StoreException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn(
                        "registers: cannot read the other nodes' changes for now, keeping the registers as last read: {}",
                        e.toString());
            } else {
                LOG.debug("registers: still cannot read the other nodes' changes: {}", e.toString());
            }
        }
    }

    /** Rings after a change this node stored; a ring that fails leaves the change to the next full re-read. */
    private void ring() {
        try {
            changes.ring();
        } catch (StoreException | RuntimeException e) {
            LOG.warn(
                    "registers: a change is stored but the other nodes were not told; they read it within {}: {}",
                    RESCAN_EVERY,
                    e.toString());
        }
    }
}
