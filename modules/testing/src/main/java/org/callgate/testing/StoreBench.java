package org.callgate.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.core.media.RecordedAudio;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.recording.RecordingSpool;
import org.callgate.recording.RecordingUploader;
import org.callgate.recording.SpoolRecorder;
import org.callgate.store.RetentionProfile;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.S3Clients;
import org.callgate.store.s3.S3RecordingStore;
import org.callgate.store.s3.S3Settings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Upload throughput of callgate's recording pipeline against raw SDK PutObject, on the same S3
 * server, with the same client settings and the same files ({@code scripts/bench-store}).
 *
 * <p>Raw: one thread puts each WAV with PutObject, nothing else. callgate: the {@link
 * RecordingUploader} stores the same WAVs from a spool as it does after calls: SHA-256 of the
 * spool file, HEAD, PUT with Object Lock, tags and Content-MD5, then the metadata JSON (HEAD, PUT),
 * then the spool entry is deleted. Both run one upload at a time, as the uploader does.
 *
 * <p>Usage: {@code StoreBench ENDPOINT ACCESS_KEY SECRET_KEY FILES SECONDS_PER_FILE WORKDIR}; it
 * prints one {@code key=value} line per figure.
 */
@SuppressForbidden("a benchmark measures wall-clock time and prints its results")
public final class StoreBench {

    private static final int BYTES_PER_SECOND = 8000 * 4;

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int files = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path work = Files.createDirectories(Path.of(args[5]));
        S3Settings base = S3Settings.forBucket("placeholder").withRegion("us-east-1").withEndpoint(endpoint, true)
                .withCredentials(args[1], args[2]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Path> wavs = wavs(work.resolve("audio"), files, seconds);
        long bytes = wavs.stream().mapToLong(StoreBench::size).sum();
        System.out.printf(Locale.ROOT, "files=%d%nbytes_per_file=%d%ntotal_mb=%.1f%n", files, size(wavs.get(0)),
                bytes / 1e6);

        // Warm-up of both paths (JIT, connections), not reported.
        raw(base.withBucket(bucket(base, "warm-raw-" + run)), wavs.subList(0, Math.min(3, files)));
        pipeline(base.withBucket(bucket(base, "warm-cg-" + run)), work.resolve("spool-warm"),
                wavs.subList(0, Math.min(3, files)));

        double rawSeconds = raw(base.withBucket(bucket(base, "raw-" + run)), wavs);
        double callgateSeconds = pipeline(base.withBucket(bucket(base, "cg-" + run)), work.resolve("spool"), wavs);
        double rawRate = bytes / 1e6 / rawSeconds;
        double callgateRate = bytes / 1e6 / callgateSeconds;
        System.out.printf(Locale.ROOT, "raw_seconds=%.2f%nraw_mb_per_s=%.2f%ncallgate_seconds=%.2f%n"
                + "callgate_mb_per_s=%.2f%ncallgate_share_of_raw_pct=%.1f%n", rawSeconds, rawRate, callgateSeconds,
                callgateRate, 100 * callgateRate / rawRate);
    }

    private static String bucket(S3Settings base, String name) throws Exception {
        new S3BucketSetup(base.withBucket(name)).ensureLockedBucket();
        return name;
    }

    private static double raw(S3Settings settings, List<Path> wavs) {
        try (S3Client s3 = S3Clients.create(settings)) {
            long start = System.nanoTime();
            for (Path wav : wavs) {
                s3.putObject(r -> r.bucket(settings.bucket()).key("raw/" + wav.getFileName()).contentType("audio/wav"),
                        RequestBody.fromFile(wav));
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static double pipeline(S3Settings settings, Path spoolDir, List<Path> wavs) throws Exception {
        RecordingSpool spool = new RecordingSpool(spoolDir);
        AtomicInteger stored = new AtomicInteger();
        Recording banking = new Recording(true, Recording.Reason.BANKING_MIFID, Recording.BANKING_RECORDING, false);
        Instant answered = Clock.systemUTC().instant();
        List<Path> entries = new ArrayList<>();
        try (S3RecordingStore store = new S3RecordingStore(settings);
                RecordingUploader uploader = new RecordingUploader(spool, store, RetentionProfile.DEFAULT,
                        s -> stored.incrementAndGet())) {
            SpoolRecorder recorder = new SpoolRecorder(spool, uploader);
            for (int i = 0; i < wavs.size(); i++) {
                Path file = recorder.begin(new RecordingFacts("bench-" + i, "+32475000000", "banking", "banking",
                        answered, banking));
                Files.copy(wavs.get(i), file);
                entries.add(file);
            }
            long start = System.nanoTime();
            for (int i = 0; i < wavs.size(); i++) {
                recorder.end("bench-" + i, answered, new RecordedAudio(entries.get(i), 0, size(entries.get(i)), 0), null);
            }
            while (stored.get() < wavs.size()) {
                Thread.sleep(5);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Stereo 16-bit WAVs of {@code seconds} of noise: incompressible, like speech after companding. */
    private static List<Path> wavs(Path dir, int count, int seconds) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(42);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[44 + seconds * BYTES_PER_SECOND];
            random.nextBytes(data);
            ByteBuffer header = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            header.put(0, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(4, data.length - 8);
            out.add(Files.write(dir.resolve("call-" + i + ".wav"), data));
        }
        return out;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
