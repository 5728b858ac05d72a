package org.callgate.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.callgate.store.Digests;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectExistsException;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the audit log where nobody can alter it (R11): each sealed segment goes to the store as
 * {@code audit/nodes/<node>/segments/NNNNNN.jsonl}, and the chain's head (its last seq and hash)
 * as {@code audit/nodes/<node>/heads/SSSSSSSSSSSS.json} (without a node, as the single callgate
 * did before node ids: {@code audit/segments/}, {@code audit/heads/}), both with retention class {@code audit} in {@link
 * LockMode#COMPLIANCE} mode until {@code retention} from now: the longest retention of the
 * profile (10 years, R3/R8), so the log outlives everything it speaks of. A sealed segment proves
 * what was in it; a head proves how far the chain reached, so a log cut short after it is found.
 *
 * <p>Objects are written once. A retry after a crash that finds an object already there counts as
 * done when its SHA-256 is the one meant to be stored, and fails when it is not (the local copy
 * was altered after it was sealed). A head's bytes depend only on the entry it names, so writing
 * the same head again is such a retry.
 *
 * <p>{@link #sealAndUpload()} is the periodic task ({@link AuditScheduler}); calls are serialised.
 */
public final class AuditArchive {

    private static final Logger LOG = LoggerFactory.getLogger(AuditArchive.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The retention class of audit objects. */
    public static final String RETENTION_CLASS = "audit";

    private final AuditLog log;
    private final RecordingStore store;
    private final Period retention;
    private final Clock clock;
    /** Where the chain goes; a node's is settled at the first run ({@link NodeFile}). */
    private AuditKeys keys;

    private boolean pinned;
    private long storedThrough;

    /**
     * An archive in the layout of the single callgate before node ids, {@code audit/segments/} and
     * {@code audit/heads/}.
     *
     * @param retention how long sealed segments and heads are kept from when they are stored: the
     *     profile's longest retention
     */
    public AuditArchive(AuditLog log, RecordingStore store, Period retention, Clock clock) {
        this(log, store, retention, clock, AuditKeys.SINGLE);
    }

    /**
     * An archive of node {@code node}'s chain, under {@code audit/nodes/<node>/}, beside the chains
     * of the other nodes that share the store (ADR 0018); {@link AuditChains} verifies them all.
     * The first run writes the node beside the log's segments ({@code node-id}); a log archived
     * before as another node stays that node, so its chain keeps one name in the store.
     *
     * @param node this node's id: 1 to 63 of {@code A-Z a-z 0-9 . _ = + -} ({@link #validNode})
     * @throws IllegalArgumentException when {@code node} is not a valid node id
     */
    public AuditArchive(AuditLog log, RecordingStore store, Period retention, Clock clock, String node) {
        this(log, store, retention, clock, AuditKeys.node(node));
    }

    private AuditArchive(AuditLog log, RecordingStore store, Period retention, Clock clock, AuditKeys keys) {
        this.keys = keys;
        this.pinned = keys.nodeId() == null;
        this.log = Objects.requireNonNull(log, "log");
        this.store = Objects.requireNonNull(store, "store");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("audit retention is positive: " + retention);
        }
    }

    /**
     * What one run did.
     *
     * @param segmentsStored sealed segments newly put in the store
     * @param headSeq the seq of the head now in the store, 0 while the log is empty
     */
    public record Outcome(int segmentsStored, long headSeq) {}

    /**
     * Seals the active segment if due, stores every sealed segment not stored yet, then the head.
     *
     * @throws StoreException when the store fails, or holds a different copy of a sealed segment
     */
    public synchronized Outcome sealAndUpload() throws IOException, StoreException {
        if (!pinned) {
            keys = AuditKeys.node(NodeFile.pin(log.directory(), keys.nodeId()));
            pinned = true;
        }
        log.sealIfDue();
        int stored = 0;
        for (Path segment : log.sealedSegments()) {
            long number = Segments.number(segment);
            if (number > storedThrough) {
                stored += storeOnce(keys.segment(segment), Files.readAllBytes(segment), "application/x-ndjson") ? 1 : 0;
                storedThrough = number;
            }
        }
        Optional<AuditEntry> head = log.head();
        if (head.isPresent()) {
            storeOnce(keys.head(head.get().seq()), headJson(head.get()), "application/json");
        }
        return new Outcome(stored, head.map(AuditEntry::seq).orElse(0L));
    }

    /** Whether {@code node} can name a node's chain: 1 to 63 of {@code A-Z a-z 0-9 . _ = + -}, a letter or digit first. */
    public static boolean validNode(String node) {
        return node != null && AuditKeys.NODE_ID.matcher(node).matches();
    }

    /** The bytes of a head object: {@code {"seq":S,"hash":"…","time":"…"}}, time of that entry. */
    static byte[] headJson(AuditEntry entry) throws IOException {
        ObjectNode head = JSON.createObjectNode();
        head.put("seq", entry.seq());
        head.put("hash", entry.hash());
        head.put("time", entry.time().toString());
        return JSON.writeValueAsBytes(head);
    }

    private boolean storeOnce(ObjectKey key, byte[] bytes, String contentType) throws StoreException {
        String sha256 = Digests.sha256Hex(bytes);
        if (alreadyStored(key, sha256)) {
            return false;
        }
        ObjectInfo info;
        try {
            info = store.put(key, bytes, new ObjectAttributes(contentType, retention()));
        } catch (ObjectExistsException e) {
            if (alreadyStored(key, sha256)) {
                return false;
            }
            throw e;
        }
        if (!info.sha256().equals(sha256)) {
            throw new StoreException("the store holds " + key + " with SHA-256 " + info.sha256() + ", not " + sha256);
        }
        LOG.info(
                "audit: stored {} ({} bytes) until {}",
                key,
                bytes.length,
                info.retention().retainUntil());
        return true;
    }

    private boolean alreadyStored(ObjectKey key, String sha256) throws StoreException {
        Optional<ObjectInfo> existing = store.head(key);
        if (existing.isEmpty()) {
            return false;
        }
        if (!existing.get().sha256().equals(sha256)) {
            throw new StoreException("the store's " + key + " differs from the local audit log (SHA-256 "
                    + existing.get().sha256() + ", local " + sha256 + "): run callgate audit verify");
        }
        return true;
    }

    private Retention retention() {
        Instant until = clock.instant().atZone(ZoneOffset.UTC).plus(retention).toInstant();
        return new Retention(RETENTION_CLASS, until, LockMode.COMPLIANCE);
    }
}
