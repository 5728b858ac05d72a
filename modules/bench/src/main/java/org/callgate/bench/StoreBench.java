package org.callgate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.callgate.app.config.RetentionFiles;
import org.callgate.core.media.AudioSink;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingFacts;
import org.callgate.recording.RecordingSpool;
import org.callgate.recording.RecordingUploader;
import org.callgate.recording.SpoolRecorder;
import org.callgate.store.Digests;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.S3Clients;
import org.callgate.store.s3.S3RecordingStore;
import org.callgate.store.s3.S3Settings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;

/**
 * Upload throughput of callgate's recording pipeline against raw SDK PutObject, on the same S3
 * server, with the same client settings and the same files ({@code scripts/bench-store}).
 *
 * <p>Both upload as many files at once as the uploader has workers ({@link
 * RecordingUploader#workers()}). Raw: PutObject of each WAV with what any client must send to store a locked
 * recording: the same COMPLIANCE retention, tags and the {@code Content-MD5} AWS requires with
 * Object Lock headers (computed by the client, as it must be). callgate: the {@link
 * RecordingUploader} stores the same WAVs from a spool as it does after calls: SHA-256 of the
 * spool file, HEAD, PUT with Object Lock, tags and Content-MD5, then the metadata JSON (HEAD, PUT),
 * then the spool entry is deleted.
 *
 * <p>Usage: {@code StoreBench ENDPOINT ACCESS_KEY SECRET_KEY FILES SECONDS_PER_FILE WORKDIR ROUNDS};
 * it prints one {@code key=value} line per figure. The result is the median of the rounds' shares:
 * each round runs raw and callgate back to back, so a share compares two runs on the same server
 * state, while the RGW's speed drifts by several percent from round to round.
 */
@SuppressForbidden("a benchmark measures wall-clock time and prints its results")
public final class StoreBench {

    private static final int BYTES_PER_SECOND = 8000 * 4;

    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int files = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path work = Files.createDirectories(Path.of(args[5]));
        int rounds = Integer.parseInt(args[6]);
        S3Settings base = S3Settings.forBucket("placeholder")
                .withRegion("us-east-1")
                .withEndpoint(endpoint, true)
                .withCredentials(args[1], args[2]);
        String run = UUID.randomUUID().toString().substring(0, 8); // unique bucket names per run
        List<Path> wavs = wavs(work.resolve("audio"), files, seconds);
        long bytes = wavs.stream().mapToLong(StoreBench::size).sum();
        System.out.printf(
                Locale.ROOT,
                "files=%d%nbytes_per_file=%d%ntotal_mb=%.1f%nuploads_at_once=%d%n",
                files,
                size(wavs.get(0)),
                bytes / 1e6,
                RecordingUploader.workers());

        // Warm-up of both paths (JIT, connections), not reported.
        int threads = RecordingUploader.workers();
        raw(base.withBucket(bucket(base, "warm-raw-" + run)), wavs.subList(0, Math.min(3, files)), threads);
        pipeline(
                base.withBucket(bucket(base, "warm-cg-" + run)),
                work.resolve("spool-warm"),
                wavs.subList(0, Math.min(3, files)));

        // Rounds alternate raw and callgate, each into a fresh bucket, so that neither always runs
        // on the emptier (or warmer) server; the medians are the result.
        List<Double> rawRates = new ArrayList<>();
        List<Double> callgateRates = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double rawSeconds = raw(base.withBucket(bucket(base, "raw-" + run + "-" + round)), wavs, threads);
            double callgateSeconds = pipeline(
                    base.withBucket(bucket(base, "cg-" + run + "-" + round)), work.resolve("spool-" + round), wavs);
            rawRates.add(bytes / 1e6 / rawSeconds);
            callgateRates.add(bytes / 1e6 / callgateSeconds);
            shares.add(100 * callgateRates.getLast() / rawRates.getLast());
            System.out.printf(
                    Locale.ROOT,
                    "round_%d: raw_mb_per_s=%.2f callgate_mb_per_s=%.2f share_pct=%.1f%n",
                    round,
                    rawRates.getLast(),
                    callgateRates.getLast(),
                    shares.getLast());
        }
        System.out.printf(
                Locale.ROOT,
                "raw_mb_per_s_median=%.2f%ncallgate_mb_per_s_median=%.2f%n" + "callgate_share_of_raw_pct_median=%.1f%n",
                median(rawRates),
                median(callgateRates),
                median(shares));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String bucket(S3Settings base, String name) throws Exception {
        new S3BucketSetup(base.withBucket(name)).ensureLockedBucket();
        return name;
    }

    /** Raw PutObject of every file, from {@code threads} threads at once, each putting its share in turn. */
    private static double raw(S3Settings settings, List<Path> wavs, int threads) throws Exception {
        Instant until = Clock.systemUTC().instant().plus(Duration.ofDays(3653));
        try (S3Client s3 = S3Clients.create(settings);
                ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < wavs.size(); i = next.getAndIncrement()) {
                        Path wav = wavs.get(i);
                        String md5 = md5(wav);
                        s3.putObject(
                                r -> r.bucket(settings.bucket())
                                        .key("raw/" + wav.getFileName())
                                        .contentType("audio/wav")
                                        .contentMD5(md5)
                                        .objectLockMode(ObjectLockMode.COMPLIANCE)
                                        .objectLockRetainUntilDate(until)
                                        .tagging("retention-class=banking-recording&service=banking"),
                                RequestBody.fromFile(wav));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String md5(Path file) throws Exception {
        MessageDigest md5 = Digests.md5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    /**
     * The recording pipeline as a call uses it: each recording's audio goes through the spool's sink
     * first (not timed), then the timed part ends every sink (the WAV header's sizes, the fsync, the
     * spool entry) and waits until the uploader has stored, verified and indexed them all.
     */
    private static double pipeline(S3Settings settings, Path spoolDir, List<Path> wavs) throws Exception {
        RecordingSpool spool = new RecordingSpool(spoolDir);
        AtomicInteger stored = new AtomicInteger();
        Recording banking = new Recording(true, Recording.Reason.BANKING_MIFID, Recording.BANKING_RECORDING, false);
        Instant answered = Clock.systemUTC().instant();
        List<AudioSink> sinks = new ArrayList<>();
        List<Long> frames = new ArrayList<>();
        try (S3RecordingStore store = new S3RecordingStore(settings);
                RecordingUploader uploader = new RecordingUploader(
                        spool,
                        store,
                        RetentionFiles.load(Path.of("config/retention"), "default"),
                        (key, ref) -> stored.incrementAndGet());
                SpoolRecorder recorder = new SpoolRecorder(spool, uploader)) {
            for (int i = 0; i < wavs.size(); i++) {
                AudioSink sink = recorder.begin(
                        new RecordingFacts("bench-" + i, "+32475000000", "banking", "banking", answered, banking));
                byte[] wav = Files.readAllBytes(wavs.get(i));
                sink.write(Arrays.copyOfRange(wav, 44, wav.length));
                sinks.add(sink);
                frames.add((long) (wav.length - 44) / AudioSink.BYTES_PER_FRAME);
            }
            awaitWritten(spoolDir, wavs);
            long start = System.nanoTime();
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).end(answered, frames.get(i), 0);
            }
            while (stored.get() < wavs.size()) {
                Thread.sleep(5);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Waits until the spool's I/O thread has written every WAV's audio (not timed). */
    private static void awaitWritten(Path spoolDir, List<Path> wavs) throws Exception {
        for (int i = 0; i < wavs.size(); i++) {
            Path spooled = spoolDir.resolve("bench-" + i + ".wav");
            while (!Files.exists(spooled) || Files.size(spooled) < Files.size(wavs.get(i))) {
                Thread.sleep(5);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            header.put(0, "RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4, data.length - 8);
            out.add(Files.write(dir.resolve("call-" + i + ".wav"), data));
        }
        return out;
    }
}
