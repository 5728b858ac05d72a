package org.callgate.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callgate.core.dossier.IndexingException;
import org.callgate.core.dossier.LegalHoldCheck;
import org.callgate.core.dossier.RecordingIndexer;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.media.AudioSink;
import org.callgate.core.media.RecordedAudio;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.store.LockMode;
import org.callgate.store.ObjectAttributes;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.Retention;
import org.callgate.store.TestProfiles;
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
    private final List<RecordingRef> indexed = new CopyOnWriteArrayList<>();
    private final List<String> indexedKeys = new CopyOnWriteArrayList<>();
    private RecordingUploader uploader;
    private SpoolRecorder recorder;

    @BeforeEach
    void open() throws Exception {
        store = new OutageStore(new FileRecordingStore(dir.resolve("store"), Clock.fixed(ANSWERED, ZoneOffset.UTC)));
        spool = new RecordingSpool(dir.resolve("spool"));
        uploader = new RecordingUploader(spool, store, TestProfiles.DEFAULT, (key, ref) -> {
            indexedKeys.add(key);
            indexed.add(ref);
        });
        recorder = new SpoolRecorder(spool, uploader);
    }

    @AfterEach
    void close() {
        recorder.close();
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

    /** {@code frames} stereo frames of a ramp, as PCM. */
    private static byte[] ramp(int frames) {
        byte[] pcm = new byte[frames * StereoWav.BYTES_PER_FRAME];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (byte) (i + StereoWav.HEADER_BYTES);
        }
        return pcm;
    }

    /**
     * Records {@code frames} frames through the recorder's sink, as the media layer does: in two
     * writes, then the end. Returns the WAV the spool must hold: the header with its sizes and the audio.
     */
    private byte[] record(RecordingFacts facts, int frames) throws Exception {
        AudioSink sink = recorder.begin(facts);
        byte[] pcm = ramp(frames);
        int half = frames / 2 * StereoWav.BYTES_PER_FRAME;
        sink.write(Arrays.copyOfRange(pcm, 0, half));
        sink.write(Arrays.copyOfRange(pcm, half, pcm.length));
        RecordedAudio audio =
                sink.end(facts.answered().plusMillis(frames / 8), frames, 0).join();
        assertThat(audio.frames()).isEqualTo(frames);
        assertThat(audio.bytes()).isEqualTo(StereoWav.HEADER_BYTES + pcm.length);
        return ByteBuffer.allocate(StereoWav.HEADER_BYTES + pcm.length)
                .put(StereoWav.header(pcm.length))
                .put(pcm)
                .array();
    }

    /** The spool's files but its pool of recycled entry files. */
    private List<String> spoolEntries() {
        return Arrays.stream(spool.dir().toFile().list())
                .filter(name -> !name.equals(EntryFilePool.DIRECTORY))
                .toList();
    }

    private byte[] read(ObjectKey key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anEndedRecordingIsStoredWithItsMetadataAndRetentionThenLeavesTheSpool() throws Exception {
        byte[] audio = record(facts(BANKING), 8000 * 3);

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        assertThat(read(WAV)).isEqualTo(audio);
        ObjectInfo info = store.head(WAV).orElseThrow();
        assertThat(info.retention())
                .isEqualTo(
                        new Retention("banking-recording", Instant.parse("2036-11-25T10:15:30Z"), LockMode.COMPLIANCE));
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
        assertThat(spoolEntries()).isEmpty();
        assertThat(indexedKeys).containsExactly(JSON.value());
        assertThat(indexed.getFirst().audioKey()).isEqualTo(WAV.value());
        assertThat(indexed.getFirst().retention().retainUntil()).isEqualTo(Instant.parse("2036-11-25T10:15:30Z"));
    }

    @Test
    void theMetadataLinksTheDossierTheCallerWasIdentifiedWith() throws Exception {
        record(
                new RecordingFacts("call-1", "+32475123456", "private", "banking", ANSWERED, BANKING, "D2026-000007"),
                800);

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        assertThat(new ObjectMapper().readTree(read(JSON)).get("dossier").asText())
                .isEqualTo("D2026-000007");
        assertThat(indexed.getFirst().dossier()).isEqualTo("D2026-000007");
    }

    @Test
    void aSampledRecordingIsKeptSixMonthsUnderGovernance() throws Exception {
        record(facts(new Recording(true, Recording.Reason.SAMPLED, Recording.RECORDING, false)), 800);

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        assertThat(store.head(WAV).orElseThrow().retention())
                .isEqualTo(new Retention("recording", Instant.parse("2027-05-25T10:15:30Z"), LockMode.GOVERNANCE));
    }

    @Test
    void whileTheStoreIsDownTheRecordingWaitsInTheSpoolAndArrivesOnceWhenItIsBack() throws Exception {
        store.down.set(true);
        record(facts(BANKING), 1600);
        Path wav = spool.wavOf("call-1");

        await().atMost(Duration.ofSeconds(60)).until(() -> store.refused.get() >= 2);
        assertThat(Files.exists(wav)).isTrue();
        assertThat(uploader.pending()).isEqualTo(1);

        assertThat(uploader.stored()).isZero();
        store.down.set(false);
        await().atMost(Duration.ofSeconds(60)).until(() -> uploader.stored() == 1);
        assertThat(indexed).hasSize(1);
        assertThat(store.list("recordings/")).containsExactly(JSON, WAV);
        assertThat(store.puts.get()).isEqualTo(2);
        assertThat(uploader.pending()).isZero();
        assertThat(spoolEntries()).isEmpty();
    }

    @Test
    void whenTheMetadataFailsAfterTheAudioIsStoredTheRetryFinishesItWithoutStoringTheAudioTwice() throws Exception {
        store.bytePutsToRefuse.set(2);
        byte[] audio = record(facts(BANKING), 1600);

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        assertThat(store.refused.get()).isEqualTo(2);
        assertThat(store.list("recordings/")).containsExactly(JSON, WAV);
        assertThat(store.puts.get()).isEqualTo(2);
        assertThat(read(WAV)).isEqualTo(audio);
        assertThat(uploader.pending()).isZero();
        assertThat(spoolEntries()).isEmpty();
    }

    @Test
    void aRecordingACrashInterruptedIsStoredAtTheNextStartMarkedIncomplete() throws Exception {
        Path wav = spool.begin(facts(BANKING));
        writeAudio(wav, 4000, false);
        Files.write(wav, new byte[] {1, 2, 3}, StandardOpenOption.APPEND); // a partial last frame

        assertThat(uploader.resumeSpool()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        JsonNode metadata = new ObjectMapper().readTree(read(JSON));
        assertThat(metadata.get("incomplete").asBoolean()).isTrue();
        assertThat(metadata.get("durationMillis").asLong()).isEqualTo(500);
        byte[] audio = read(WAV);
        assertThat(audio).hasSize(StereoWav.HEADER_BYTES + 4000 * StereoWav.BYTES_PER_FRAME);
        assertThat(ByteBuffer.wrap(audio).order(ByteOrder.LITTLE_ENDIAN).getInt(40))
                .isEqualTo(4000 * StereoWav.BYTES_PER_FRAME);
    }

    @Test
    void theSpoolEntryIsAJournalWhoseEndedStateFollowsTheStartedOne() throws Exception {
        Path wav = spool.begin(facts(BANKING));
        writeAudio(wav, 800, true);
        String started = Files.readString(spool.jsonOf("call-1"));

        spool.end(spool.read("call-1").orElseThrow(), ANSWERED.plusMillis(100), 800, false);

        String journal = Files.readString(spool.jsonOf("call-1"));
        assertThat(journal).startsWith(started).endsWith("\n");
        assertThat(journal.lines().filter(line -> !line.isBlank())).hasSize(2);
        SpoolEntry entry = spool.read("call-1").orElseThrow();
        assertThat(entry.isEnded()).isTrue();
        assertThat(entry.frames()).isEqualTo(800);
    }

    @Test
    void anEndCutShortByACrashIsRecoveredFromTheAudioMarkedIncomplete() throws Exception {
        Path wav = spool.begin(facts(BANKING));
        writeAudio(wav, 1600, false);
        Files.write(spool.jsonOf("call-1"), "\n{\"callId\":\"call-1\",\"ende".getBytes(), StandardOpenOption.APPEND);

        assertThat(uploader.resumeSpool()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        JsonNode metadata = new ObjectMapper().readTree(read(JSON));
        assertThat(metadata.get("incomplete").asBoolean()).isTrue();
        assertThat(metadata.get("durationMillis").asLong()).isEqualTo(200);
        assertThat(spoolEntries()).isEmpty();
    }

    @Test
    void aStoredRecordingsEntryFileIsRecycledForTheNextRecording() throws Exception {
        record(facts(BANKING), 800);
        await().atMost(Duration.ofSeconds(60)).until(() -> uploader.stored() == 1);

        Path next = spool.begin(new RecordingFacts("call-2", "+32475123456", "private", "banking", ANSWERED, BANKING));

        assertThat(spool.read("call-2").orElseThrow().callId()).isEqualTo("call-2");
        assertThat(spool.dir().resolve(EntryFilePool.DIRECTORY).toFile().list()).isEmpty();
        assertThat(next).doesNotExist(); // the audio file is the recorder's to create
    }

    @Test
    void anEmptyEntryWithoutAudioLeftByACrashGoesBackToThePoolAndIsNoRecording() throws Exception {
        Files.createFile(spool.jsonOf("call-9"));

        assertThat(uploader.resumeSpool()).isZero();

        assertThat(spoolEntries()).isEmpty();
        assertThat(spool.dir().resolve(EntryFilePool.DIRECTORY).toFile().list()).hasSize(1);
    }

    @Test
    void anEntryACrashLeftWithoutItsAudioAfterStoringIsClearedWithoutStoringAgain() throws Exception {
        record(facts(BANKING), 800);
        await().atMost(Duration.ofSeconds(60)).until(() -> uploader.stored() == 1);
        spool.begin(facts(BANKING)); // the entry again, as a crash between the two deletions leaves it
        spool.end(spool.read("call-1").orElseThrow(), ANSWERED.plusMillis(100), 800, false);
        int puts = store.puts.get();

        assertThat(uploader.resumeSpool()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> spoolEntries().isEmpty());
        assertThat(store.puts.get()).isEqualTo(puts);
        assertThat(uploader.pending()).isZero();
    }

    @Test
    void anEntryWithoutAudioThatTheStoreNeverGotStaysForAnOperatorAndIsNotRetried() throws Exception {
        spool.begin(facts(BANKING));
        spool.end(spool.read("call-1").orElseThrow(), ANSWERED.plusMillis(100), 800, false);

        assertThat(uploader.resumeSpool()).isEqualTo(1);

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(60)).until(() -> store.heads.get() == 1);
        assertThat(spoolEntries()).containsExactly("call-1.json");
        assertThat(uploader.pending()).isEqualTo(1);
        assertThat(store.puts.get()).isZero();
    }

    @Test
    void aRecordingStoredJustBeforeACrashIsNotStoredTwice() throws Exception {
        Path wav = spool.begin(facts(BANKING));
        writeAudio(wav, 800, true);
        spool.end(spool.read("call-1").orElseThrow(), ANSWERED.plusMillis(100), 800, false);
        store.put(
                WAV,
                wav,
                new ObjectAttributes("audio/wav", TestProfiles.DEFAULT.retentionFor("banking-recording", ANSWERED)));

        uploader.resumeSpool();

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 1);
        assertThat(store.puts.get()).isEqualTo(2); // the test's put of the audio, then only the metadata
        assertThat(store.list("recordings/")).containsExactly(JSON, WAV);
        assertThat(spoolEntries()).isEmpty();
    }

    @Test
    void recordingsEndedTogetherAreStoredTogetherAndOneRefusedStopsNoneOfTheOthers() throws Exception {
        store.put(
                ObjectKey.of("recordings/2026/11/25/call-2.wav"),
                new byte[] {9, 9, 9},
                new ObjectAttributes("audio/wav", TestProfiles.DEFAULT.retentionFor("banking-recording", ANSWERED)));

        for (String call : List.of("call-1", "call-2", "call-3")) {
            record(facts(call), 800);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 2);
        assertThat(indexed).extracting(RecordingRef::callId).containsExactlyInAnyOrder("call-1", "call-3");
        assertThat(indexedKeys)
                .containsExactlyInAnyOrder("recordings/2026/11/25/call-1.json", "recordings/2026/11/25/call-3.json");
        assertThat(store.head(ObjectKey.of("recordings/2026/11/25/call-2.json")))
                .isEmpty();
        assertThat(spoolEntries()).containsExactlyInAnyOrder("call-2.wav", "call-2.json");
        assertThat(uploader.pending()).isEqualTo(1);
    }

    /** Replaces the uploader with one whose recordings wait for {@link RecordingUploader#flush}. */
    private void uploadOnFlush(RecordingIndexer indexer) {
        recorder.close();
        uploader.close();
        uploader = new RecordingUploader(
                spool, store, TestProfiles.DEFAULT, indexer, LegalHoldCheck.NONE, Duration.ofHours(1));
        recorder = new SpoolRecorder(spool, uploader);
    }

    private static RecordingFacts facts(String callId) {
        return new RecordingFacts(callId, "+32475123456", "private", "banking", ANSWERED, BANKING);
    }

    @Test
    void recordingsWaitingTogetherGoToTheStoreAsOneBatchOfAudioThenOneOfMetadata() throws Exception {
        uploadOnFlush((key, ref) -> indexed.add(ref));
        for (String call : List.of("call-1", "call-2", "call-3")) {
            record(facts(call), 800);
        }
        assertThat(store.batches).isEmpty();

        uploader.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 3);
        assertThat(store.batches).containsExactly(3, 3);
        assertThat(store.list("recordings/")).hasSize(6);
        assertThat(spoolEntries()).isEmpty();
    }

    @Test
    void aStoreWhoseBatchesShareNoWorkGetsEachRecordingAloneAtOnce() throws Exception {
        store.sharesBatches = false;
        uploadOnFlush((key, ref) -> indexed.add(ref)); // an hour's linger, which such a store never waits
        for (String call : List.of("call-1", "call-2", "call-3")) {
            record(facts(call), 800);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> indexed.size() == 3);
        assertThat(store.batches).hasSize(6).containsOnly(1);
    }

    @Test
    void aRecordingTheIndexRefusesHoldsUpNoOtherOfItsBatch() throws Exception {
        uploadOnFlush(new RecordingIndexer() {
            @Override
            public void indexStored(String metadataKey, RecordingRef recording) throws IndexingException {
                if (recording.callId().equals("call-2")) {
                    throw new IndexingException("index refuses call-2 (test)", null);
                }
                indexed.add(recording);
            }
        });
        for (String call : List.of("call-1", "call-2", "call-3")) {
            record(facts(call), 800);
        }

        uploader.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> spoolEntries().size() == 2);
        assertThat(spoolEntries()).containsExactlyInAnyOrder("call-2.wav", "call-2.json");
        // indexing is idempotent: the batch's failed attempt may have indexed call-1 once already
        assertThat(indexed).extracting(RecordingRef::callId).containsOnly("call-1", "call-3");
        assertThat(uploader.pending()).isEqualTo(1);
    }

    @Test
    void otherBytesAlreadyUnderTheKeyAreNeverOverwrittenAndTheRecordingStaysInTheSpool() throws Exception {
        store.put(
                WAV,
                new byte[] {9, 9, 9},
                new ObjectAttributes("audio/wav", TestProfiles.DEFAULT.retentionFor("banking-recording", ANSWERED)));

        record(facts(BANKING), 800);
        Path wav = spool.wavOf("call-1");

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(wav));
        assertThat(indexed).isEmpty();
        assertThat(read(WAV)).containsExactly(9, 9, 9);
        assertThat(store.head(JSON)).isEmpty();
        assertThat(uploader.pending()).isEqualTo(1);
    }
}
