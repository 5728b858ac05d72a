package org.callgate.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callgate.store.file.StoreFixture.START;
import static org.callgate.store.file.StoreFixture.attributes;
import static org.callgate.store.file.StoreFixture.unlocked;
import static org.callgate.store.file.StoreFixture.utf8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.RetentionLockedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash or a restart leaves behind is harmless: nothing half-written is ever visible. */
class FileRecordingStoreCrashTest {

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(START);

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void anOrphanDataFileWithoutMetadataIsInvisibleAndReplacedByTheNextPut() throws Exception {
        ObjectKey key = ObjectKey.of("recordings/2026/11/25/call-1.wav");
        Path orphan = root.resolve("objects/recordings/2026/11/25/call-1.wav");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, utf8("bytes of a put that crashed before its metadata"));

        try (FileRecordingStore store = new FileRecordingStore(root, clock)) {
            assertThat(store.head(key)).isEmpty();
            assertThat(store.list("")).isEmpty();

            store.put(key, utf8("the recording"), unlocked());

            assertThat(read(store.get(key))).isEqualTo(utf8("the recording"));
            assertThat(store.list("recordings/")).containsExactly(key);
        }
    }

    @Test
    void tempFilesLeftByAnInterruptedWriteAreRemovedWhenTheStoreOpens() throws Exception {
        Files.createDirectories(root.resolve("tmp"));
        Files.write(root.resolve("tmp/put-123.tmp"), utf8("half a recording"));
        Files.write(root.resolve("tmp/meta-456.tmp"), utf8("{\"format\":1,"));

        try (FileRecordingStore store = new FileRecordingStore(root, clock)) {
            assertThat(root.resolve("tmp")).isEmptyDirectory();
            assertThat(store.list("")).isEmpty();
        }
    }

    @Test
    void aPutLeavesNoTempFileBehind() throws Exception {
        try (FileRecordingStore store = new FileRecordingStore(root, clock)) {
            store.put(ObjectKey.of("a/b.wav"), utf8("x"), unlocked());
            store.setLegalHold(ObjectKey.of("a/b.wav"), true);

            assertThat(root.resolve("tmp")).isEmptyDirectory();
        }
    }

    @Test
    void whatOneStoreWroteIsReadByTheNextOnTheSameRoot() throws Exception {
        ObjectKey key = ObjectKey.of("banking/call-7.wav");
        Retention extended = new Retention("banking-recording", START.plus(Duration.ofDays(3653)), LockMode.COMPLIANCE);
        ObjectInfo stored;
        try (FileRecordingStore first = new FileRecordingStore(root, clock)) {
            stored = first.put(key, utf8("banking call"), attributes(LockMode.COMPLIANCE, Duration.ofDays(10)));
            first.setRetention(key, extended, false);
            first.setLegalHold(key, true);
        }

        try (FileRecordingStore second = new FileRecordingStore(root, clock)) {
            ObjectInfo reread = second.head(key).orElseThrow();
            assertThat(reread)
                    .isEqualTo(new ObjectInfo(
                            key, stored.size(), stored.sha256(), "audio/wav", extended, true, stored.tags()));
            assertThat(read(second.get(key))).isEqualTo(utf8("banking call"));
            assertThatThrownBy(() -> second.delete(key, true)).isInstanceOf(RetentionLockedException.class);
        }
    }

    @Test
    void aSecondStoreCannotOpenARootThatIsInUse() throws Exception {
        try (FileRecordingStore first = new FileRecordingStore(root, clock)) {
            assertThatThrownBy(() -> new FileRecordingStore(root, clock))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use")
                    .hasMessageContaining(root.toString());
            first.put(ObjectKey.of("still/served.wav"), utf8("x"), unlocked());
        }
        new FileRecordingStore(root, clock).close();
    }

    @Test
    void aBankingRecordingCanBeDeletedOnlyAfterItsTenYears() throws Exception {
        ObjectKey key = ObjectKey.of("banking/call-8.wav");
        Instant tenYears = START.plus(Duration.ofDays(3653));
        try (FileRecordingStore store = new FileRecordingStore(root, clock)) {
            store.put(key, utf8("banking call"), attributes(LockMode.COMPLIANCE, Duration.ofDays(3653)));

            clock.passTime(tenYears.minusSeconds(2));
            assertThatThrownBy(() -> store.delete(key, true))
                    .isInstanceOf(RetentionLockedException.class)
                    .hasMessageContaining(tenYears.toString());

            clock.passTime(tenYears);
            store.delete(key, false);
            assertThat(store.head(key)).isEmpty();
            assertThat(root.resolve("objects/banking/call-8.wav")).doesNotExist();
        }
    }
}
