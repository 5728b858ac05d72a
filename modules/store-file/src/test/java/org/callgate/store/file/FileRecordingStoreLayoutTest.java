package org.callgate.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callgate.store.file.StoreFixture.START;
import static org.callgate.store.file.StoreFixture.attributes;
import static org.callgate.store.file.StoreFixture.unlocked;
import static org.callgate.store.file.StoreFixture.utf8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.callgate.store.ByteRange;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectKey;
import org.callgate.store.StoreException;
import org.callgate.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the file store puts things, what it refuses, and how it reports a failing disk. */
class FileRecordingStoreLayoutTest {

    @TempDir
    Path root;

    private FileRecordingStore store;

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(root, new TestClock(START));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anObjectsBytesAndItsAttributesAreTwoFilesUnderTheRoot() throws Exception {
        ObjectKey key = ObjectKey.of("recordings/2026/11/25/call-1.wav");

        store.put(key, utf8("RIFF"), attributes(LockMode.GOVERNANCE, Duration.ofDays(183)));

        assertThat(root.resolve("objects/recordings/2026/11/25/call-1.wav")).hasContent("RIFF");
        JsonNode meta = JsonMapper.builder()
                .build()
                .readTree(root.resolve("meta/recordings/2026/11/25/call-1.wav.json")
                        .toFile());
        assertThat(meta.get("key").asText()).isEqualTo(key.value());
        assertThat(meta.get("contentType").asText()).isEqualTo("audio/wav");
        assertThat(meta.get("size").asLong()).isEqualTo(4);
        assertThat(meta.get("sha256").asText()).hasSize(64);
        assertThat(meta.get("retentionClass").asText()).isEqualTo("recording");
        assertThat(meta.get("retainUntil").asText())
                .isEqualTo(START.plus(Duration.ofDays(183)).toString());
        assertThat(meta.get("lockMode").asText()).isEqualTo("GOVERNANCE");
        assertThat(meta.get("legalHold").asBoolean()).isFalse();
        assertThat(meta.get("tags").get("service").asText()).isEqualTo("banking");
    }

    @Test
    void onlyTheOwnerCanReadAStoredRecording() throws Exception {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        store.put(ObjectKey.of("r/call.wav"), utf8("RIFF"), unlocked());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("objects/r/call.wav"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("meta/r/call.wav.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aKeyWithDotDotCannotBeBuilt() {
        assertThatThrownBy(() -> ObjectKey.of("../outside.wav")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKey.of("recordings/../../outside.wav"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKey.of("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListingPrefixThatClimbsOutOfTheRootMatchesNothing() throws Exception {
        store.put(ObjectKey.of("a/b.wav"), utf8("x"), unlocked());

        assertThat(store.list("../")).isEmpty();
        assertThat(store.list("a/../")).isEmpty();
        assertThat(store.list("a//")).isEmpty();
        assertThat(store.list("a/")).containsExactly(ObjectKey.of("a/b.wav"));
    }

    @Test
    void aStrayFileInTheMetadataDirectoryIsNotListed() throws Exception {
        store.put(ObjectKey.of("a/b.wav"), utf8("x"), unlocked());
        Files.writeString(root.resolve("meta/a/notes.txt"), "an operator's note");

        assertThat(store.list("")).containsExactly(ObjectKey.of("a/b.wav"));
    }

    @Test
    void anEmptyObjectReadsBackEmpty() throws Exception {
        ObjectKey key = ObjectKey.of("empty.json");
        store.put(key, new byte[0], unlocked());

        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThatThrownBy(() -> store.get(key, ByteRange.from(1))).isInstanceOf(StoreException.class);
    }

    @Test
    void aRangeStreamSkipsAndCountsWithinItsRange() throws Exception {
        ObjectKey key = ObjectKey.of("r.bin");
        store.put(key, utf8("0123456789"), unlocked());

        try (InputStream in = store.get(key, new ByteRange(2, 7))) {
            assertThat(in.available()).isEqualTo(6);
            assertThat(in.read()).isEqualTo('2');
            assertThat(in.skip(100)).isEqualTo(5);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aKeyThatIsAlsoTheDirectoryOfLongerKeysIsRefusedForGood() throws Exception {
        store.put(ObjectKey.of("a/b.wav"), utf8("x"), unlocked());
        store.put(ObjectKey.of("c"), utf8("y"), unlocked());

        assertThatThrownBy(() -> store.put(ObjectKey.of("a"), utf8("z"), unlocked()))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("directory");
        assertThatThrownBy(() -> store.put(ObjectKey.of("c/d.wav"), utf8("z"), unlocked()))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("file of a shorter key");
        assertThat(store.list("")).extracting(ObjectKey::value).containsExactly("a/b.wav", "c");
    }

    @Test
    void aSegmentTooLongForAFileNameIsRefusedForGood() {
        ObjectKey key = ObjectKey.of("recordings/" + "x".repeat(251));

        assertThatThrownBy(() -> store.put(key, utf8("x"), unlocked()))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("longer than a file name");
    }

    @Test
    void aMissingSourceFileIsAPermanentFailureNamingIt() {
        Path missing = root.resolve("spool/gone.wav");

        assertThatThrownBy(() -> store.put(ObjectKey.of("gone.wav"), missing, unlocked()))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aDiskThatFailsIsReportedAsUnavailableWithThePathAndTheReason() throws Exception {
        Path tmp = root.resolve("tmp");
        Files.delete(tmp);
        Files.writeString(tmp, "not a directory any more");

        assertThatThrownBy(() -> store.put(ObjectKey.of("a.wav"), utf8("x"), unlocked()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(tmp.toString())
                .hasMessageContaining("Exception");
        assertThat(store.head(ObjectKey.of("a.wav"))).isEmpty();
    }

    @Test
    void corruptMetadataIsAPermanentFailureNamingTheFile() throws Exception {
        ObjectKey key = ObjectKey.of("bad.wav");
        store.put(key, utf8("x"), unlocked());
        Path meta = root.resolve("meta/bad.wav.json");
        Files.writeString(meta, "{\"format\":1,\"key\":\"bad.wav\"}");

        assertThatThrownBy(() -> store.head(key))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining(meta.toString());
    }

    @Test
    void bytesThatNoLongerMatchTheirMetadataAreNotServed() throws Exception {
        ObjectKey key = ObjectKey.of("cut.wav");
        store.put(key, utf8("0123456789"), unlocked());
        Files.writeString(root.resolve("objects/cut.wav"), "01234");

        assertThatThrownBy(() -> store.get(key))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("5 long")
                .hasMessageContaining("10");
    }

    @Test
    void aClosedStoreIsUnavailable() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.head(ObjectKey.of("a.wav"))).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.put(ObjectKey.of("a.wav"), utf8("x"), unlocked()))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
