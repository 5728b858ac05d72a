package org.callgate.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.media.RecordedAudio;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.media.StereoWav;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.RetentionProfile;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingUploaderTest {

    private static final Instant ANSWERED = Instant.parse("2026-11-25T10:15:30Z");
    private static final ObjectKey WAV = ObjectKey.of("recordings/2026/11/25/call-1.wav");
    private static final ObjectKey JSON = ObjectKey.of("recordings/2026/11/25/call-1.json");

    @TempDir
    Path dir;

    private OutageStore store;
    private RecordingSpool spool;
    private final List<StoredRecording> stored = new CopyOnWriteArrayList<>();
    private RecordingUploader uploader;

    @BeforeEach
    void open() throws Exception {
        store = new OutageStore(new FileRecordingStore(dir.resolve("store"), Clock.fixed(ANSWERED, ZoneOffset.UTC)));
        spool = new RecordingSpool(dir.resolve("spool"));
        uploader = new RecordingUploader(spool, store, RetentionProfile.DEFAULT, stored::add);
    }

    @AfterEach
    void close() {
        uploader.close();
        store.close();
    }

    private static RecordingFacts facts(Recording decision) {
        return new RecordingFacts("call-1", "+32475123456", "private", "banking", ANSWERED, decision);
    }

    private static final Recording BANKING =
            new Recording(true, Recording.Reason.BANKING_MIFID, Recording.BANKING_RECORDING, false);

    /** Writes {@code frames} stereo frames of a ramp into {@code wav}, as the recorder would, header unfinished. */
    private static void writeAudio(Path wav, int frames, boolean finishHeader) throws Exception {
        byte[] data = new byte[StereoWav.HEADER_BYTES + frames * StereoWav.BYTES_PER_FRAME];
        for (int i = StereoWav.HEADER_BYTES; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Files.write(wav, data);
        if (finishHeader) {
            StereoWav.repair(wav);
        }
    }

    private byte[] read(ObjectKey key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anEndedRecordingIsStoredWithItsMetadataAndRetentionThenLeavesTheSpool() throws Exception {
        SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
        Path wav = recorder.begin(facts(BANKING));
        writeAudio(wav, 8000 * 3, true);
        byte[] audio = Files.readAllBytes(wav);

        recorder.end("call-1", ANSWERED.plusSeconds(3), new RecordedAudio(wav, 24_000, audio.length, 0), null);

        await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 1);
        assertThat(read(WAV)).isEqualTo(audio);
        ObjectInfo info = store.head(WAV).orElseThrow();
        assertThat(info.retention()).isEqualTo(new Retention("banking-recording",
                Instant.parse("2036-11-25T10:15:30Z"), LockMode.COMPLIANCE));
        assertThat(info.tags()).containsEntry("service", "banking");
        JsonNode metadata = new ObjectMapper().readTree(read(JSON));
        assertThat(metadata.get("caller").asText()).isEqualTo("+32475123456");
        assertThat(metadata.get("serviceLine").asText()).isEqualTo("private");
        assertThat(metadata.get("start").asText()).isEqualTo("2026-11-25T10:15:30Z");
        assertThat(metadata.get("durationMillis").asLong()).isEqualTo(3000);
        assertThat(metadata.get("decision").asText()).isEqualTo("recorded;reason=banking-mifid");
        assertThat(metadata.get("retainUntil").asText()).isEqualTo("2036-11-25T10:15:30Z");
        assertThat(metadata.get("lockMode").asText()).isEqualTo("COMPLIANCE");
        assertThat(metadata.get("sha256").asText()).isEqualTo(info.sha256());
        assertThat(metadata.get("incomplete").asBoolean()).isFalse();
        assertThat(spool.dir().toFile().list()).isEmpty();
    }

    @Test
    void theMetadataLinksTheDossierTheCallerWasIdentifiedWith() throws Exception {
        SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
        Path wav = recorder.begin(new RecordingFacts("call-1", "+32475123456", "private", "banking", ANSWERED, BANKING,
                "D2026-000007"));
        writeAudio(wav, 800, true);

        recorder.end("call-1", ANSWERED.plusMillis(100), new RecordedAudio(wav, 800, Files.size(wav), 0), null);

        await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 1);
        assertThat(new ObjectMapper().readTree(read(JSON)).get("dossier").asText()).isEqualTo("D2026-000007");
        assertThat(stored.getFirst().metadata().dossier()).isEqualTo("D2026-000007");
    }

    @Test
    void aSampledRecordingIsKeptSixMonthsUnderGovernance() throws Exception {
        SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
        Path wav = recorder.begin(facts(new Recording(true, Recording.Reason.SAMPLED, Recording.RECORDING, false)));
        writeAudio(wav, 800, true);

        recorder.end("call-1", ANSWERED.plusMillis(100), new RecordedAudio(wav, 800, Files.size(wav), 0), null);

        await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 1);
        assertThat(store.head(WAV).orElseThrow().retention())
                .isEqualTo(new Retention("recording", Instant.parse("2027-05-25T10:15:30Z"), LockMode.GOVERNANCE));
    }

    @Test
    void whileTheStoreIsDownTheRecordingWaitsInTheSpoolAndArrivesOnceWhenItIsBack() throws Exception {
        store.down.set(true);
        SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
        Path wav = recorder.begin(facts(BANKING));
        writeAudio(wav, 1600, true);
        recorder.end("call-1", ANSWERED.plusMillis(200), new RecordedAudio(wav, 1600, Files.size(wav), 0), null);

        await().atMost(Duration.ofSeconds(10)).until(() -> store.refused.get() >= 2);
        assertThat(Files.exists(wav)).isTrue();
        assertThat(uploader.pending()).isEqualTo(1);

        store.down.set(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> stored.size() == 1);
        assertThat(store.list("recordings/")).containsExactly(JSON, WAV);
        assertThat(store.puts.get()).isEqualTo(2);
        assertThat(uploader.pending()).isZero();
        assertThat(spool.dir().toFile().list()).isEmpty();
    }

    @Test
    void whenTheMetadataFailsAfterTheAudioIsStoredTheRetryFinishesItWithoutStoringTheAudioTwice() throws Exception {
        store.bytePutsToRefuse.set(2);
        SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
        Path wav = recorder.begin(facts(BANKING));
        writeAudio(wav, 1600, true);
        byte[] audio = Files.readAllBytes(wav);
        recorder.end("call-1", ANSWERED.plusMillis(200), new RecordedAudio(wav, 1600, audio.length, 0), null);

        await().atMost(Duration.ofSeconds(15)).until(() -> stored.size() == 1);
        assertThat(store.refused.get()).isEqualTo(2);
        assertThat(store.list("recordings/")).containsExactly(JSON, WAV);
        assertThat(store.puts.get()).isEqualTo(2);
        assertThat(read(WAV)).isEqualTo(audio);
        assertThat(uploader.pending()).isZero();
        assertThat(spool.dir().toFile().list()).isEmpty();
    }

    @Test
    void aRecordingACrashInterruptedIsStoredAtTheNextStartMarkedIncomplete() throws Exception {
        Path wav = spool.begin(facts(BANKING));
        writeAudio(wav, 4000, false);
        Files.write(wav, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND); // a partial last frame

        assertThat(uploader.resumeSpool()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 1);
        JsonNode metadata = new ObjectMapper().readTree(read(JSON));
        assertThat(metadata.get("incomplete").asBoolean()).isTrue();
        assertThat(metadata.get("durationMillis").asLong()).isEqualTo(500);
        byte[] audio = read(WAV);
        assertThat(audio).hasSize(StereoWav.HEADER_BYTES + 4000 * StereoWav.BYTES_PER_FRAME);
        assertThat(java.nio.ByteBuffer.wrap(audio).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(40))
                .isEqualTo(4000 * StereoWav.BYTES_PER_FRAME);
    }

    @Test
    void aRecordingStoredJustBeforeACrashIsNotStoredTwice() throws Exception {
        SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
        Path wav = recorder.begin(facts(BANKING));
        writeAudio(wav, 800, true);
        spool.end("call-1", ANSWERED.plusMillis(100), 800, false);
        store.put(WAV, wav, new ObjectAttributes("audio/wav",
                RetentionProfile.DEFAULT.retentionFor("banking-recording", ANSWERED)));

        uploader.resumeSpool();

        await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 1);
        assertThat(store.puts.get()).isEqualTo(2); // the test's put of the audio, then only the metadata
        assertThat(store.list("recordings/")).containsExactly(JSON, WAV);
        assertThat(spool.dir().toFile().list()).isEmpty();
    }

    @Test
    void otherBytesAlreadyUnderTheKeyAreNeverOverwrittenAndTheRecordingStaysInTheSpool() throws Exception {
        SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
        Path wav = recorder.begin(facts(BANKING));
        writeAudio(wav, 800, true);
        store.put(WAV, new byte[] {9, 9, 9}, new ObjectAttributes("audio/wav",
                RetentionProfile.DEFAULT.retentionFor("banking-recording", ANSWERED)));

        recorder.end("call-1", ANSWERED.plusMillis(100), new RecordedAudio(wav, 800, Files.size(wav), 0), null);

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(wav));
        assertThat(stored).isEmpty();
        assertThat(read(WAV)).containsExactly(9, 9, 9);
        assertThat(store.head(JSON)).isEmpty();
        assertThat(uploader.pending()).isEqualTo(1);
    }
}
