package org.callgate.records;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The doorbell of the shared registers (legal holds R19, data-subject requests R12, restrictions
 * R12; ADR 0018): a node that changes a register rings it, and every other node, listening, reads
 * the registers again. Listening costs one lookup of one key per period whatever the size of the
 * registers, where re-listing them would cost a listing of every object they hold.
 *
 * <p>A ring is the next entry of a numbered log, {@code register-changes/000000000042.json},
 * {@link RecordingStore#create created} so that two nodes ringing at once take two numbers: each
 * entry stands for at least one change stored before it. A listener remembers the last entry it
 * heard and looks up the next one; the entries' content is not needed (the registers themselves
 * say what changed), which is what lets a store decide a race after the fact ({@code create} on
 * Ceph RGW). A change whose ring was lost (the node stopped in between, or the store failed the
 * ring) is read at the next full re-read ({@link SharedRegisters}).
 *
 * <p>Entries are unlocked and hold no personal data. The log keeps the newest {@value #KEEP}:
 * older ones are removed when a node catches up ({@link #catchUp}), never the newest, which says
 * where the log stands for a node that starts.
 */
public final class RegisterChanges {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterChanges.class);

    static final String PREFIX = "register-changes/";
    /** How many entries stay behind the newest. */
    static final int KEEP = 1000;
    /** Entries looked up one by one before a listing finds the newest instead. */
    private static final int LOOKUPS = 16;

    private final RecordingStore store;
    private final Clock clock;
    private final String node;
    /** The newest entry whose changes this node has read. */
    private volatile long heard;
    /** The newest entry this node rang or found taken: where its next ring starts. */
    private long rung;

    private RegisterChanges(RecordingStore store, Clock clock, String node, long newest) {
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.heard = newest;
        this.rung = newest;
    }

    /**
     * The log as it stands: what was rung before this is taken as read, so open it <em>before</em>
     * reading the registers, and a change made meanwhile is read again rather than missed.
     *
     * @param node the name of this node, written into its rings for whoever reads the log
     */
    public static RegisterChanges open(RecordingStore store, Clock clock, String node) throws StoreException {
        return new RegisterChanges(store, clock, node, newestListed(store));
    }

    /**
     * Rings: stores the next entry after every one this node knows of. Call it after the change is
     * stored.
     */
    public void ring() throws StoreException {
        long next;
        synchronized (this) {
            next = Math.max(rung, heard) + 1;
        }
        while (store.create(key(next), json(next), attributes()).isEmpty()) {
            next++; // another node rang that one
        }
        synchronized (this) {
            rung = Math.max(rung, next);
        }
        LOG.debug("register change rung as entry {}", next);
    }

    /** The newest entry whose changes this node has read. */
    public long heard() {
        return heard;
    }

    /**
     * The newest entry there is, looking up the entries after the last heard one by one; past
     * {@value #LOOKUPS} of them, one listing finds the newest instead. Nothing is marked heard:
     * {@link #heardUpTo} does that once the registers are read.
     */
    long newest() throws StoreException {
        long probe = heard;
        for (int i = 0; i < LOOKUPS; i++) {
            if (store.head(key(probe + 1)).isEmpty()) {
                return probe;
            }
            probe++;
        }
        return Math.max(probe, newestListed(store));
    }

    /** The changes up to {@code entry} are read. */
    synchronized void heardUpTo(long entry) {
        heard = Math.max(heard, entry);
    }

    /**
     * The newest entry, from a listing of the log, removing the entries more than {@value #KEEP}
     * behind it: a node that far behind finds the newest here too, at its next full re-read.
     */
    long catchUp() throws StoreException {
        return catchUp(KEEP);
    }

    /** {@link #catchUp()}, keeping {@code keep} entries behind the newest. */
    long catchUp(int keep) throws StoreException {
        List<ObjectKey> entries = store.list(PREFIX);
        long newest = entries.isEmpty() ? 0 : entry(entries.getLast());
        for (ObjectKey old : entries) {
            if (entry(old) < newest - keep) {
                try {
                    store.delete(old, false);
                } catch (ObjectNotFoundException removedByAnotherNode) {
                    // every node sweeps
                }
            }
        }
        return newest;
    }

    private static long newestListed(RecordingStore store) throws StoreException {
        List<ObjectKey> entries = store.list(PREFIX);
        return entries.isEmpty() ? 0 : entry(entries.getLast());
    }

    static ObjectKey key(long entry) {
        return ObjectKey.of(PREFIX + String.format(Locale.ROOT, "%012d", entry) + ".json");
    }

    private static long entry(ObjectKey key) {
        String value = key.value();
        return Long.parseLong(value.substring(PREFIX.length(), value.length() - ".json".length()));
    }

    private byte[] json(long entry) {
        return ("{\"entry\":" + entry + ",\"node\":\"" + node.replace("\"", "") + "\",\"at\":\"" + clock.instant()
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** No lock: every node may remove old entries; the retain-until only says when that is allowed. */
    private ObjectAttributes attributes() {
        Instant now = clock.instant();
        return new ObjectAttributes(
                "application/json",
                new Retention("register-change", now.plus(Duration.ofDays(1)), LockMode.NONE),
                false,
                Map.of("kind", "register-change"));
    }
}
