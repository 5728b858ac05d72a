package org.callgate.records;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims each new version of a dossier before it is written (ADR 0018), so that of two nodes that
 * edit the same version at once only one writes the next: {@code
 * dossier-versions/D2026-000124/v000002.json} is created with {@link RecordingStore#create}, which
 * exactly one of racing writers wins; only the winner stores {@code dossiers/D2026-000124/v000002.json}.
 * The version key itself cannot be the claim: it is locked (a banking dossier's for 10 years, R3),
 * and on RGW a loser's locked version could not be removed. Version 1 has no version claim: its
 * number's claim ({@link DossierNumbers}) already makes its writer the only one.
 *
 * <p>A claim holds no personal data (the dossier's number, the version, when, and a random id that
 * tells two claims of one key apart) and the dossier's retention, unlocked: the purge destroys it
 * with the dossier, an erasure with the dossier's versions.
 *
 * <p>A claim whose version is never stored would stop every later edit of the dossier. The writer
 * releases it when its write fails ({@link #release}); a claim left by a node that stopped between
 * its claim and its write, or by a create whose answer was lost (which reports a loss for what it
 * stored), is released by the next node that finds the same claim without its version for
 * {@link #ABANDONED} by its own clock ({@link #releasedIfAbandoned}).
 */
final class DossierVersions {

    static final String PREFIX = "dossier-versions/";

    /**
     * How long a node must see one claim without its version before it takes the claim for
     * abandoned: far longer than a store write can take (an S3 put with the SDK's retries, each
     * waiting up to a minute for an answer).
     */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(DossierVersions.class);

    private final RecordingStore store;
    /** Claims seen without their version: since when this node has seen each, by its digest. */
    private final Map<ObjectKey, Sighting> unstored = new ConcurrentHashMap<>();

    DossierVersions(RecordingStore store) {
        this.store = store;
    }

    /** Where the claims of {@code number}'s versions are: {@code dossier-versions/D2026-000124/}. */
    static String prefix(String number) {
        return PREFIX + number + "/";
    }

    /** The claim of {@code version} of dossier {@code number}: {@code dossier-versions/D2026-000124/v000002.json}. */
    static ObjectKey claimKey(String number, int version) {
        return ObjectKey.of(prefix(number) + "v" + String.format(Locale.ROOT, "%06d", version) + ".json");
    }

    /**
     * Claims {@code next}'s version of its dossier at {@code now}; true when this writer won it and
     * is the only one to store that version, false when another holds the claim.
     */
    boolean claim(Dossier next, Instant now) throws StoreException {
        if (next.version() < 2) {
            throw new IllegalArgumentException("version 1 of a dossier is claimed with its number");
        }
        RecordRetention kept = next.retention();
        ObjectAttributes attributes = new ObjectAttributes(
                "application/json",
                new Retention(kept.retentionClass(), kept.retainUntil(), LockMode.NONE),
                false,
                Map.of("kind", "dossier-version"));
        return store.create(claimKey(next.number(), next.version()), json(next, now), attributes)
                .isPresent();
    }

    /** Gives up a claim won and not stored (its write failed), so that the version can be claimed again. */
    void release(String number, int version) throws StoreException {
        ObjectKey key = claimKey(number, version);
        try {
            store.delete(key, false);
        } catch (ObjectNotFoundException gone) {
            // released already
        }
        unstored.remove(key);
    }

    /** The claimed version is stored: whatever this node saw of its claim before is over. */
    void stored(String number, int version) {
        unstored.remove(claimKey(number, version));
    }

    /**
     * For a lost claim whose version is not stored: releases the claim when this node has seen the
     * same claim (the same bytes: each claim has its own random id) without its version for
     * {@link #ABANDONED} or longer, by {@code now}. True when the version can be claimed again
     * (released here, or the claim is gone), false while the claim stands.
     */
    boolean releasedIfAbandoned(String number, int version, Instant now) throws StoreException {
        ObjectKey key = claimKey(number, version);
        Optional<ObjectInfo> claim = store.head(key);
        if (claim.isEmpty()) {
            unstored.remove(key);
            return true;
        }
        Sighting seen = unstored.merge(
                key,
                new Sighting(claim.get().sha256(), now),
                (earlier, fresh) -> earlier.sha256().equals(fresh.sha256()) ? earlier : fresh);
        if (Duration.between(seen.since(), now).compareTo(ABANDONED) < 0) {
            return false;
        }
        LOG.warn(
                "{} has claimed version {} of dossier {} since {} at least and it is still not stored:"
                        + " the writer that claimed it stopped or lost its answer; the claim is released",
                key,
                version,
                number,
                seen.since());
        release(number, version);
        return true;
    }

    private static byte[] json(Dossier next, Instant now) {
        return ("{\"dossier\":\"" + next.number() + "\",\"version\":" + next.version() + ",\"claimed\":\"" + now
                        + "\",\"claim\":\"" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private record Sighting(String sha256, Instant since) {}
}
