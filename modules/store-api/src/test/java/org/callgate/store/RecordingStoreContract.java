package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link RecordingStore} shares, run against each implementation: the file
 * store on a temporary directory, the S3 store against a real Ceph RGW (DESIGN §6). A retention
 * rule is only proven when the store itself refuses to break it, so most cases here try to.
 *
 * <p>An implementation supplies an empty store per test, the store's "now", and a way to let time
 * pass beyond an instant: a test clock for the file store, waiting for S3.
 */
public abstract class RecordingStoreContract {

    @TempDir
    Path temp;

    /** An empty store, the same one for the whole test method. */
    protected abstract RecordingStore store();

    /** The store's current time, against which it checks retain-until. */
    protected abstract Instant now();

    /** Returns once the store's time is past {@code instant}. */
    protected abstract void passTime(Instant instant) throws InterruptedException;

    /**
     * How far ahead a retention the test waits out is set; S3 stores need it in whole seconds,
     * far enough ahead to make the first request before it expires.
     */
    protected Duration shortRetention() {
        return Duration.ofSeconds(3);
    }

    /**
     * How many versions of {@code key} the store still holds, delete markers included. A store
     * without versions (the file store) has one while the object exists; a versioned one (S3)
     * counts them itself, so the tests see what a delete leaves behind.
     */
    protected int versionsOf(ObjectKey key) throws Exception {
        return store().head(key).isPresent() ? 1 : 0;
    }

    private Retention retention(LockMode mode, Duration ahead) {
        return new Retention("recording", now().plus(ahead).truncatedTo(ChronoUnit.SECONDS), mode);
    }

    private ObjectAttributes attributes(LockMode mode, Duration ahead) {
        return new ObjectAttributes("audio/wav", retention(mode, ahead), false, Map.of("service", "banking"));
    }

    /**
     * Stores {@code first}, then {@code second} under the same key with {@link RecordingStore#putNew},
     * which a versioned store keeps as a newer version and the file store refuses; returns the bytes
     * the key then reads.
     */
    private byte[] storeTwice(ObjectKey key, ObjectAttributes first, ObjectAttributes second) throws Exception {
        byte[] older = bytes(100, 11);
        byte[] newer = bytes(100, 12);
        store().put(key, older, first);
        try {
            store().putNew(key, newer, second);
            return newer;
        } catch (ObjectExistsException refused) {
            return older;
        }
    }

    private static byte[] bytes(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void aStoredObjectReadsBackWithItsSizeDigestRetentionAndTags() throws Exception {
        byte[] data = bytes(10_000, 1);
        ObjectKey key = ObjectKey.of("recordings/2026/11/25/call-1.wav");
        ObjectAttributes attributes = attributes(LockMode.GOVERNANCE, Duration.ofDays(183));

        ObjectInfo put = store().put(key, data, attributes);

        assertThat(put.size()).isEqualTo(10_000);
        assertThat(put.sha256()).isEqualTo(sha256(data));
        ObjectInfo head = store().head(key).orElseThrow();
        assertThat(head.key()).isEqualTo(key);
        assertThat(head.size()).isEqualTo(10_000);
        assertThat(head.sha256()).isEqualTo(sha256(data));
        assertThat(head.contentType()).isEqualTo("audio/wav");
        assertThat(head.retention()).isEqualTo(attributes.retention());
        assertThat(head.legalHold()).isFalse();
        assertThat(head.tags())
                .containsEntry("service", "banking")
                .doesNotContainKeys("retention-class", "retain-until");
        assertThat(read(store().get(key))).isEqualTo(data);
    }

    @Test
    void aBatchStoresEachObjectAsItsOwnPutWould() throws Exception {
        byte[] audio = bytes(40_000, 21);
        byte[] json = bytes(900, 22);
        Path wav = temp.resolve("batch.wav");
        Files.write(wav, audio);
        ObjectAttributes attributes = attributes(LockMode.GOVERNANCE, Duration.ofDays(183));
        List<ObjectPut> puts = List.of(
                ObjectPut.sealed(ObjectKey.of("recordings/2026/12/06/b-1.wav"), wav, attributes, true),
                ObjectPut.bytes(ObjectKey.of("recordings/2026/12/06/b-1.json"), json, attributes, true),
                ObjectPut.bytes(ObjectKey.of("recordings/2026/12/07/b-2.json"), json, attributes, false));

        List<PutOutcome> outcomes = store().putAll(puts);

        assertThat(outcomes).extracting(PutOutcome::failure).containsOnlyNulls();
        assertThat(outcomes).extracting(PutOutcome::put).containsExactlyElementsOf(puts);
        for (PutOutcome outcome : outcomes) {
            ObjectInfo stored = outcome.get();
            assertThat(store().head(outcome.put().key())).contains(stored);
            assertThat(stored.retention()).isEqualTo(attributes.retention());
        }
        assertThat(outcomes.get(0).get().sha256()).isEqualTo(sha256(audio));
        assertThat(read(store().get(puts.get(0).key()))).isEqualTo(audio);
        assertThat(read(store().get(puts.get(2).key()))).isEqualTo(json);
    }

    @Test
    void aRefusedPutInABatchStopsNoneOfTheOthersAndOverwritesNothing() throws Exception {
        ObjectAttributes attributes = attributes(LockMode.NONE, Duration.ofDays(1));
        ObjectKey taken = ObjectKey.of("recordings/taken.json");
        byte[] first = bytes(300, 23);
        store().put(taken, first, attributes);

        List<PutOutcome> outcomes = store().putAll(List.of(
                ObjectPut.bytes(ObjectKey.of("recordings/before.json"), bytes(10, 24), attributes, false),
                ObjectPut.bytes(taken, bytes(300, 25), attributes, false),
                ObjectPut.bytes(ObjectKey.of("recordings/after.json"), bytes(10, 26), attributes, false)));

        assertThat(outcomes.get(1).failure()).isInstanceOf(ObjectExistsException.class);
        assertThatThrownBy(() -> outcomes.get(1).get()).isSameAs(outcomes.get(1).failure());
        assertThat(outcomes.get(0).failure()).isNull();
        assertThat(outcomes.get(2).failure()).isNull();
        assertThat(store().list("recordings/"))
                .extracting(ObjectKey::value)
                .containsExactly("recordings/after.json", "recordings/before.json", "recordings/taken.json");
        assertThat(read(store().get(taken))).isEqualTo(first);
    }

    @Test
    void aKeyPutTwiceInOneBatchKeepsTheFirstBytes() throws Exception {
        ObjectAttributes attributes = attributes(LockMode.NONE, Duration.ofDays(1));
        ObjectKey key = ObjectKey.of("recordings/twice-in-a-batch.json");
        byte[] first = bytes(200, 27);

        List<PutOutcome> outcomes = store().putAll(List.of(
                ObjectPut.bytes(key, first, attributes, false),
                ObjectPut.bytes(key, bytes(200, 28), attributes, false)));

        assertThat(outcomes.get(0).get().sha256()).isEqualTo(sha256(first));
        assertThat(outcomes.get(1).failure()).isInstanceOf(ObjectExistsException.class);
        assertThat(read(store().get(key))).isEqualTo(first);
    }

    @Test
    void aFileIsStoredByteForByte() throws Exception {
        byte[] data = bytes(3 * 1024 * 1024 + 17, 2);
        Path file = temp.resolve("spool.wav");
        Files.write(file, data);

        ObjectInfo put =
                store().put(ObjectKey.of("recordings/big.wav"), file, attributes(LockMode.NONE, Duration.ofDays(1)));

        assertThat(put.size()).isEqualTo(data.length);
        assertThat(put.sha256()).isEqualTo(sha256(data));
        assertThat(read(store().get(ObjectKey.of("recordings/big.wav")))).isEqualTo(data);
    }

    @Test
    void aSealedFileIsStoredByteForByteAndOutlivesTheFile() throws Exception {
        byte[] data = bytes(64 * 1024 + 5, 4);
        Path file = Files.write(temp.resolve("sealed.wav"), data);
        ObjectKey key = ObjectKey.of("recordings/sealed.wav");

        ObjectInfo put = store().putSealed(key, file, attributes(LockMode.NONE, Duration.ofDays(1)), true);
        Files.delete(file);

        assertThat(put.size()).isEqualTo(data.length);
        assertThat(put.sha256()).isEqualTo(sha256(data));
        assertThat(read(store().get(key))).isEqualTo(data);
        Path again = Files.write(temp.resolve("again.wav"), data);
        assertThatThrownBy(() -> store().putSealed(key, again, attributes(LockMode.NONE, Duration.ofDays(1)), false))
                .isInstanceOf(ObjectExistsException.class);
    }

    @Test
    void aByteRangeReturnsOnlyThoseBytesAndStopsAtTheEnd() throws Exception {
        byte[] data = bytes(1000, 3);
        ObjectKey key = ObjectKey.of("r/range.wav");
        store().put(key, data, attributes(LockMode.NONE, Duration.ofDays(1)));

        assertThat(read(store().get(key, new ByteRange(10, 19)))).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 20));
        assertThat(read(store().get(key, ByteRange.from(990))))
                .isEqualTo(java.util.Arrays.copyOfRange(data, 990, 1000));
        assertThat(read(store().get(key, new ByteRange(995, 5000))))
                .isEqualTo(java.util.Arrays.copyOfRange(data, 995, 1000));
        assertThatThrownBy(() -> read(store().get(key, ByteRange.from(1000)))).isInstanceOf(StoreException.class);
    }

    @Test
    void aMissingObjectHasNoHeadAndCannotBeReadDeletedOrHeld() throws Exception {
        ObjectKey key = ObjectKey.of("r/none.wav");

        assertThat(store().head(key)).isEmpty();
        assertThatThrownBy(() -> store().get(key)).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store().delete(key, true)).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store().setLegalHold(key, true)).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store().setRetention(key, retention(LockMode.NONE, Duration.ofDays(1)), false))
                .isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void anObjectIsWrittenOnceAndASecondPutOnItsKeyFails() throws Exception {
        ObjectKey key = ObjectKey.of("r/once.wav");
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        store().put(key, first, attributes(LockMode.NONE, Duration.ofDays(1)));

        assertThatThrownBy(() -> store().put(
                                key,
                                "second".getBytes(StandardCharsets.UTF_8),
                                attributes(LockMode.NONE, Duration.ofDays(1))))
                .isInstanceOf(ObjectExistsException.class);
        assertThat(read(store().get(key))).isEqualTo(first);
    }

    @Test
    void listingReturnsTheKeysUnderAPrefixInOrder() throws Exception {
        for (String k : new String[] {"rec/b.wav", "rec/a.wav", "rec/a.json", "meta/x.json", "recx/c.wav"}) {
            store().put(
                            ObjectKey.of(k),
                            k.getBytes(StandardCharsets.UTF_8),
                            attributes(LockMode.NONE, Duration.ofDays(1)));
        }

        assertThat(store().list("rec/"))
                .extracting(ObjectKey::value)
                .containsExactly("rec/a.json", "rec/a.wav", "rec/b.wav");
        assertThat(store().list("rec"))
                .extracting(ObjectKey::value)
                .containsExactly("rec/a.json", "rec/a.wav", "rec/b.wav", "recx/c.wav");
        assertThat(store().list("")).hasSize(5);
        assertThat(store().list("nothing/")).isEmpty();
    }

    @Test
    void aComplianceObjectCannotBeDeletedBeforeItsRetainUntilEvenWithTheBypass() throws Exception {
        ObjectKey key = ObjectKey.of("banking/call.wav");
        store().put(key, bytes(100, 4), attributes(LockMode.COMPLIANCE, Duration.ofDays(3653)));

        assertThatThrownBy(() -> store().delete(key, false)).isInstanceOf(RetentionLockedException.class);
        assertThatThrownBy(() -> store().delete(key, true)).isInstanceOf(RetentionLockedException.class);
        assertThat(store().head(key)).isPresent();
    }

    @Test
    void aGovernanceObjectIsDeletedBeforeItsRetainUntilOnlyWithTheBypass() throws Exception {
        ObjectKey key = ObjectKey.of("sampled/call.wav");
        store().put(key, bytes(100, 5), attributes(LockMode.GOVERNANCE, Duration.ofDays(183)));

        assertThatThrownBy(() -> store().delete(key, false)).isInstanceOf(RetentionLockedException.class);
        store().delete(key, true);

        assertThat(store().head(key)).isEmpty();
    }

    @Test
    void anObjectIsDeletedOnceItsRetainUntilHasPassed() throws Exception {
        ObjectKey key = ObjectKey.of("banking/expiring.wav");
        ObjectAttributes attributes = attributes(LockMode.COMPLIANCE, shortRetention());
        store().put(key, bytes(100, 6), attributes);
        assertThatThrownBy(() -> store().delete(key, false)).isInstanceOf(RetentionLockedException.class);

        passTime(attributes.retention().retainUntil());
        store().delete(key, false);

        assertThat(store().head(key)).isEmpty();
        assertThat(store().list("banking/")).isEmpty();
    }

    @Test
    void aLegalHoldBlocksDeletionUntilItIsLifted() throws Exception {
        ObjectKey key = ObjectKey.of("held/call.wav");
        ObjectAttributes attributes = attributes(LockMode.GOVERNANCE, shortRetention());
        store().put(key, bytes(100, 7), attributes);
        store().setLegalHold(key, true);
        assertThat(store().head(key).orElseThrow().legalHold()).isTrue();

        passTime(attributes.retention().retainUntil());
        assertThatThrownBy(() -> store().delete(key, true)).isInstanceOf(RetentionLockedException.class);

        store().setLegalHold(key, false);
        assertThat(store().head(key).orElseThrow().legalHold()).isFalse();
        store().delete(key, false);
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    void anObjectCanStartUnderLegalHold() throws Exception {
        ObjectKey key = ObjectKey.of("held/at-put.wav");
        store().put(
                        key,
                        bytes(10, 8),
                        new ObjectAttributes(
                                "audio/wav", retention(LockMode.NONE, Duration.ofDays(1)), true, Map.of()));

        assertThat(store().head(key).orElseThrow().legalHold()).isTrue();
        assertThatThrownBy(() -> store().delete(key, true)).isInstanceOf(RetentionLockedException.class);
        store().setLegalHold(key, false);
        store().delete(key, true);
    }

    @Test
    void aComplianceRetentionIsExtendedButNeverShortened() throws Exception {
        ObjectKey key = ObjectKey.of("banking/extend.wav");
        store().put(key, bytes(10, 9), attributes(LockMode.COMPLIANCE, Duration.ofDays(10)));
        Retention longer = new Retention(
                "banking-recording",
                retention(LockMode.COMPLIANCE, Duration.ofDays(20)).retainUntil(),
                LockMode.COMPLIANCE);

        store().setRetention(key, longer, false);
        assertThat(store().head(key).orElseThrow().retention()).isEqualTo(longer);

        Retention shorter = retention(LockMode.COMPLIANCE, Duration.ofDays(5));
        assertThatThrownBy(() -> store().setRetention(key, shorter, true)).isInstanceOf(RetentionLockedException.class);
        Retention governance = new Retention("recording", longer.retainUntil(), LockMode.GOVERNANCE);
        assertThatThrownBy(() -> store().setRetention(key, governance, true))
                .isInstanceOf(RetentionLockedException.class);
        assertThat(store().head(key).orElseThrow().retention()).isEqualTo(longer);
    }

    @Test
    void aGovernanceRetentionIsShortenedOnlyWithTheBypass() throws Exception {
        ObjectKey key = ObjectKey.of("sampled/shorten.wav");
        store().put(key, bytes(10, 10), attributes(LockMode.GOVERNANCE, Duration.ofDays(183)));
        Retention shorter = retention(LockMode.GOVERNANCE, Duration.ofDays(30));

        assertThatThrownBy(() -> store().setRetention(key, shorter, false))
                .isInstanceOf(RetentionLockedException.class);
        store().setRetention(key, shorter, true);

        assertThat(store().head(key).orElseThrow().retention()).isEqualTo(shorter);
    }

    @Test
    void anUnlockedObjectIsDeletedAtAnyTime() throws Exception {
        ObjectKey key = ObjectKey.of("traces/call.json");
        store().put(
                        key,
                        "{}".getBytes(StandardCharsets.UTF_8),
                        new ObjectAttributes("application/json", retention(LockMode.NONE, Duration.ofDays(365))));

        store().delete(key, false);

        assertThat(store().head(key)).isEmpty();
    }

    @Test
    void deletingAKeyStoredTwiceDestroysEveryVersionOfIt() throws Exception {
        ObjectKey key = ObjectKey.of("recordings/twice.wav");
        storeTwice(key, attributes(LockMode.NONE, Duration.ofDays(1)), attributes(LockMode.NONE, Duration.ofDays(1)));
        assertThat(versionsOf(key)).isPositive();

        store().delete(key, false);

        assertThat(versionsOf(key)).as("versions left").isZero();
        assertThat(store().head(key)).isEmpty();
        assertThat(store().list("recordings/")).isEmpty();
        assertThatThrownBy(() -> store().delete(key, false)).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void anOlderLockedVersionRefusesTheWholeDeleteAndEveryVersionStays() throws Exception {
        ObjectKey key = ObjectKey.of("sampled/twice.wav");
        byte[] current = storeTwice(
                key,
                attributes(LockMode.GOVERNANCE, Duration.ofDays(183)),
                attributes(LockMode.NONE, Duration.ofDays(1)));
        int versions = versionsOf(key);

        assertThatThrownBy(() -> store().delete(key, false)).isInstanceOf(RetentionLockedException.class);

        assertThat(versionsOf(key)).isEqualTo(versions);
        assertThat(read(store().get(key))).isEqualTo(current);
        store().delete(key, true);
        assertThat(versionsOf(key)).isZero();
    }

    @Test
    void anOlderVersionUnderLegalHoldRefusesTheWholeDeleteEvenWithTheBypass() throws Exception {
        ObjectKey key = ObjectKey.of("held/twice.wav");
        byte[] current = storeTwice(
                key,
                new ObjectAttributes("audio/wav", retention(LockMode.NONE, Duration.ofDays(1)), true, Map.of()),
                attributes(LockMode.NONE, Duration.ofDays(1)));
        int versions = versionsOf(key);

        assertThatThrownBy(() -> store().delete(key, true)).isInstanceOf(RetentionLockedException.class);

        assertThat(versionsOf(key)).isEqualTo(versions);
        assertThat(read(store().get(key))).isEqualTo(current);
    }

    // Conditional create: the one write that nodes sharing a store may race on (ADR 0018).

    private ObjectAttributes claim() {
        return new ObjectAttributes("application/json", retention(LockMode.NONE, Duration.ofDays(1)));
    }

    @Test
    void aCreateOnAFreeKeyStoresTheObject() throws Exception {
        ObjectKey key = ObjectKey.of("claims/free.json");
        byte[] data = bytes(120, 31);

        Optional<ObjectInfo> created = store().create(key, data, claim());

        assertThat(created).isPresent();
        assertThat(created.get().sha256()).isEqualTo(sha256(data));
        assertThat(created.get().size()).isEqualTo(120);
        assertThat(store().head(key).orElseThrow().sha256()).isEqualTo(sha256(data));
        assertThat(read(store().get(key))).isEqualTo(data);
    }

    @Test
    void aSecondCreateOfAKeyLosesAndLeavesTheFirstObjectAlone() throws Exception {
        ObjectKey key = ObjectKey.of("claims/twice.json");
        byte[] first = bytes(50, 32);
        store().create(key, first, claim()).orElseThrow();

        assertThat(store().create(key, bytes(50, 33), claim())).isEmpty();

        assertThat(read(store().get(key))).isEqualTo(first);
        assertThat(versionsOf(key)).as("versions left").isEqualTo(1);
    }

    @Test
    void aCreateLosesToAnObjectPutBeforeItAndAPutLosesToACreatedOne() throws Exception {
        ObjectKey put = ObjectKey.of("claims/put-first.json");
        ObjectKey created = ObjectKey.of("claims/created-first.json");
        store().put(put, bytes(10, 34), claim());
        store().create(created, bytes(10, 35), claim()).orElseThrow();

        assertThat(store().create(put, bytes(10, 36), claim())).isEmpty();
        assertThatThrownBy(() -> store().put(created, bytes(10, 37), claim()))
                .isInstanceOf(ObjectExistsException.class);
        assertThat(read(store().get(put))).isEqualTo(bytes(10, 34));
    }

    @Test
    void aKeyFreedByADeleteCanBeCreatedAgain() throws Exception {
        ObjectKey key = ObjectKey.of("claims/again.json");
        store().create(key, bytes(10, 38), claim()).orElseThrow();
        store().delete(key, false);

        assertThat(store().create(key, bytes(10, 39), claim())).isPresent();
        assertThat(read(store().get(key))).isEqualTo(bytes(10, 39));
    }

    @Test
    void aCreateRefusesAttributesThatWouldLockTheClaim() {
        ObjectKey key = ObjectKey.of("claims/locked.json");
        ObjectAttributes governance = attributes(LockMode.GOVERNANCE, Duration.ofDays(1));
        ObjectAttributes held =
                new ObjectAttributes("application/json", retention(LockMode.NONE, Duration.ofDays(1)), true, Map.of());

        assertThatThrownBy(() -> store().create(key, bytes(10, 40), governance))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().create(key, bytes(10, 41), held)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Racers that start together (a barrier, not a delay) on each of several keys: on every key
     * exactly one wins, and the key then holds the winner's bytes and nothing of the losers'.
     */
    @Test
    void manyThreadsRacingToCreateOneKeyMakeExactlyOneWinner() throws Exception {
        int racers = 8;
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            for (int round = 0; round < 6; round++) {
                ObjectKey key = ObjectKey.of("claims/race/" + round + ".json");
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Future<Optional<ObjectInfo>>> outcomes = new java.util.ArrayList<>();
                for (int racer = 0; racer < racers; racer++) {
                    byte[] mine = bytes(64, 1000L * round + racer);
                    outcomes.add(threads.submit(() -> {
                        start.await();
                        return store().create(key, mine, claim());
                    }));
                }
                List<ObjectInfo> winners = new java.util.ArrayList<>();
                for (Future<Optional<ObjectInfo>> outcome : outcomes) {
                    outcome.get().ifPresent(winners::add);
                }

                assertThat(winners).as("winners of round " + round).hasSize(1);
                assertThat(store().head(key).orElseThrow().sha256())
                        .isEqualTo(winners.getFirst().sha256());
                assertThat(versionsOf(key))
                        .as("versions left in round " + round)
                        .isEqualTo(1);
            }
        }
    }
}
