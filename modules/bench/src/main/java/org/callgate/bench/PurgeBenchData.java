package org.callgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.records.RecordWriter;
import org.callgate.records.SyntheticData;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.Retention;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * The records {@link PurgeBench} purges, in the file store and the index. Trace batches go through
 * {@link RecordWriter} (the store's API and the batching of the gateway), a few thousand objects.
 * Dossiers and recordings, an object or two each and many of them, are written straight into the
 * file store's layout ({@code objects/<key>} and the sidecar {@code meta/<key>.json}, unsynced),
 * since the store's only way in forces four files to disk per object (~300 objects/s here): the
 * store then reads them as its own ({@link #check}). The caller syncs the disk before measuring.
 */
final class PurgeBenchData {

    /** Every fourth dossier has a second version: the purge deletes all of them. */
    private static final int SECOND_VERSION_EVERY = 4;

    private static final byte[] AUDIO = filled(8 * 1024, 'a');
    private static final byte[] METADATA = filled(700, 'm');
    private static final byte[] DOSSIER = filled(900, 'd');
    private static final Map<byte[], String> SHAS = new IdentityHashMap<>();

    private final Path root;
    private final RetentionProfile profile;
    private final SyntheticData data;
    private final Instant now;

    PurgeBenchData(Path storeRoot, RetentionProfile profile, SyntheticData data, Instant now) {
        this.root = storeRoot;
        this.profile = profile;
        this.data = data;
        this.now = now;
    }

    /** Traces {@code 0..count-1} in batches of one UTC day and up to 500, indexed with their batch. */
    void traces(long count, RecordWriter writer) throws IOException, StoreException {
        List<CallTrace> traces = new ArrayList<>((int) count);
        for (long j = 0; j < count; j++) {
            traces.add(data.trace(j, 1000));
        }
        traces.sort(Comparator.comparing(CallTrace::time));
        writer.writeAll(List.of(), traces);
    }

    /** Dossiers {@code 0..count-1}, one or two versions each; returns the objects written. */
    long dossiers(int count, RecordIndex index) throws IOException {
        long objects = 0;
        for (int i = 0; i < count; i++) {
            Dossier d = data.dossier(i);
            int versions = i % SECOND_VERSION_EVERY == 0 ? 2 : 1;
            for (int v = 1; v <= versions; v++) {
                String key = "dossiers/" + d.number() + "/v" + String.format(Locale.ROOT, "%06d", v) + ".json";
                write(key, DOSSIER, "application/json", retention(d.retention()));
                objects++;
            }
            index.put(new Dossier(
                    d.number(),
                    versions,
                    d.name(),
                    d.firstName(),
                    d.phones(),
                    d.iban(),
                    d.email(),
                    d.notes(),
                    d.service(),
                    d.calls(),
                    d.created(),
                    d.updated(),
                    d.retention()));
        }
        return objects;
    }

    /** Sampled recordings {@code 0..count-1} of the last 180 days: audio and metadata each. */
    long recordings(int count, RecordIndex index) throws IOException {
        for (int i = 0; i < count; i++) {
            Instant start = now.minus(Duration.ofDays(i % 180)).minusSeconds(i % 86_400);
            String callId = String.format(Locale.ROOT, "rec-%09d", i);
            String base = "recordings/" + PurgeBench.DAY.format(start) + "/" + callId;
            RecordRetention retention =
                    new RecordRetention("recording", profile.rule("recording").until(start), false);
            write(base + ".wav", AUDIO, "audio/wav", retention(retention));
            write(base + ".json", METADATA, "application/json", retention(retention));
            index.put(new RecordingRef(
                    callId, base + ".wav", data.mobile(i), "parcels", start, 95_000, false, null, retention));
        }
        return 2L * count;
    }

    /**
     * Copies every object of the store under {@code prefix}: the same bytes, attributes and
     * directory shape, for the raw deletes to be measured on. Returns the copies' keys.
     */
    List<String> mirror(String prefix) throws IOException {
        Path meta = root.resolve("meta");
        List<String> keys = new ArrayList<>();
        Files.walkFileTree(meta, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = meta.relativize(file).toString();
                if (!name.endsWith(".json")) {
                    return FileVisitResult.CONTINUE;
                }
                String key = name.substring(0, name.length() - ".json".length());
                String copy = prefix + key;
                byte[] sidecar = Files.readAllBytes(file);
                String json = new String(sidecar, StandardCharsets.UTF_8)
                        .replace("\"key\":\"" + key + "\"", "\"key\":\"" + copy + "\"");
                put(
                        root.resolve("objects").resolve(copy),
                        Files.readAllBytes(root.resolve("objects").resolve(key)));
                put(meta.resolve(copy + ".json"), json.getBytes(StandardCharsets.UTF_8));
                keys.add(copy);
                return FileVisitResult.CONTINUE;
            }
        });
        return keys;
    }

    /** Fails unless the store reads back what was written beside it: a sample of keys, with their attributes. */
    static void check(RecordingStore store, List<String> keys) throws StoreException {
        for (int i = 0; i < keys.size(); i += Math.max(1, keys.size() / 1000)) {
            ObjectKey key = ObjectKey.of(keys.get(i));
            if (store.head(key).isEmpty()) {
                throw new IllegalStateException("the store does not see " + key);
            }
        }
    }

    private Retention retention(RecordRetention r) {
        return new Retention(
                r.retentionClass(),
                r.retainUntil(),
                profile.rule(r.retentionClass()).mode());
    }

    /** An object in the file store's own layout: its bytes, and its sidecar in the store's format 1. */
    private void write(String key, byte[] bytes, String contentType, Retention retention) throws IOException {
        put(root.resolve("objects").resolve(key), bytes);
        String sidecar = String.format(
                Locale.ROOT,
                "{\"format\":1,\"key\":\"%s\",\"contentType\":\"%s\",\"size\":%d,\"sha256\":\"%s\","
                        + "\"retentionClass\":\"%s\",\"retainUntil\":\"%s\",\"lockMode\":\"%s\","
                        + "\"legalHold\":false,\"tags\":{}}",
                key,
                contentType,
                bytes.length,
                sha256(bytes),
                retention.retentionClass(),
                retention.retainUntil(),
                retention.mode());
        put(root.resolve("meta").resolve(key + ".json"), sidecar.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static synchronized String sha256(byte[] bytes) {
        return SHAS.computeIfAbsent(bytes, b -> {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        });
    }

    private static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }
}
