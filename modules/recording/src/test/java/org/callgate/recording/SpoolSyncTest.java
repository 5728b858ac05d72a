package org.callgate.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.media.AudioSink;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.store.FileSystemSync;
import org.callgate.store.ObjectKey;
import org.callgate.store.TestProfiles;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool made durable by a sync of its file system (ADR 0016): a recording moves on only once
 * a sync that started after its audio was finished has completed, and a write-back error reported
 * while it was being written makes it incomplete rather than lost in silence (R7, R8).
 */
class SpoolSyncTest {

    private static final Instant ANSWERED = Instant.parse("2026-12-06T10:15:30Z");
    private static final ObjectKey WAV = ObjectKey.of("recordings/2026/12/06/call-1.wav");
    private static final ObjectKey JSON = ObjectKey.of("recordings/2026/12/06/call-1.json");
    private static final Recording BANKING =
            new Recording(true, Recording.Reason.BANKING_MIFID, Recording.BANKING_RECORDING, false);
    private static final RecordingFacts FACTS =
            new RecordingFacts("call-1", "+32475123456", "private", "banking", ANSWERED, BANKING);

    @TempDir
    Path dir;

    private final List<RecordingRef> indexed = new CopyOnWriteArrayList<>();
    private final List<String> flushes = new CopyOnWriteArrayList<>();
    private FileRecordingStore store;
    private RecordingUploader uploader;
    private SpoolRecorder recorder;
    private RecordingSpool spool;

    private void open(FileSystemSync sync) throws Exception {
        Path root = Files.createDirectories(dir.resolve("store"));
        store = new FileRecordingStore(root, Clock.fixed(ANSWERED, ZoneOffset.UTC), sync);
        spool = new RecordingSpool(dir.resolve("spool"), sync);
        uploader = new RecordingUploader(spool, store, TestProfiles.DEFAULT, (key, ref) -> indexed.add(ref));
        recorder = new SpoolRecorder(spool, uploader);
    }

    @AfterEach
    void close() {
        recorder.close();
        uploader.close();
        store.close();
    }

    /** Records one second of audio and ends it, as the media layer does. */
    private void recordOneSecond() throws Exception {
        AudioSink sink = recorder.begin(FACTS);
        sink.write(new byte[8000 * StereoWav.BYTES_PER_FRAME]);
        sink.end(ANSWERED.plusSeconds(1), 8000, 0)
                .exceptionally(failure -> null)
                .join();
    }

    private JsonNode metadata() throws Exception {
        try (InputStream in = store.get(JSON)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** What a flush finds in the spool: the WAV header's data size, and the entry's states. */
    private String spoolState() throws IOException {
        Path wav = spool.wavOf("call-1");
        Path entry = spool.jsonOf("call-1");
        String audio = Files.exists(wav)
                ? "wav="
                        + ByteBuffer.wrap(Files.readAllBytes(wav))
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .getInt(40)
                : "no wav";
        String lines = Files.exists(entry)
                ? "lines="
                        + Files.readString(entry)
                                .lines()
                                .filter(l -> !l.isBlank())
                                .count()
                : "no entry";
        return audio + " " + lines;
    }

    @Test
    void aRecordingsAudioThenItsEndedEntryAreSyncedBeforeItIsStored() throws Exception {
        open(FileSystemSync.over("a test file system", () -> flushes.add(spoolState())));

        recordOneSecond();

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        int audioBytes = 8000 * StereoWav.BYTES_PER_FRAME;
        assertThat(flushes.subList(0, 2))
                .containsExactly("wav=" + audioBytes + " lines=1", "wav=" + audioBytes + " lines=2");
        assertThat(flushes).hasSize(6); // and two for each of the store's two batches, audio then metadata
        assertThat(metadata().get("incomplete").asBoolean()).isFalse();
    }

    @Test
    void aWriteBackErrorReportedWhileTheRecordingWasWrittenStoresItMarkedIncomplete() throws Exception {
        open(FileSystemSync.over("a test file system", () -> {
            if (flushes.isEmpty()) {
                flushes.add("failed");
                throw new IOException("write-back error (test)");
            }
            flushes.add("ok");
        }));

        recordOneSecond();

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        assertThat(flushes.getFirst()).isEqualTo("failed");
        assertThat(metadata().get("incomplete").asBoolean()).isTrue();
        assertThat(metadata().get("durationMillis").asLong()).isEqualTo(1000);
    }

    @Test
    void withSyncfsOfTheRealFileSystemARecordingIsStoredWhole() throws Exception {
        FileSystemSync sync = FileSystemSync.of(dir);
        open(sync);
        long before = sync.flushes();

        recordOneSecond();

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        assertThat(store.head(WAV).orElseThrow().size()).isEqualTo(StereoWav.HEADER_BYTES + 8000L * 4);
        assertThat(metadata().get("incomplete").asBoolean()).isFalse();
        assertThat(sync.flushes() - before).isBetween(1L, 6L);
    }
}
