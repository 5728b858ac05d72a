package org.callgate.retention;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.dossier.RecordKind;
import org.callgate.store.RetentionProfile;

/**
 * Turns what the index says is due into a purge plan: one line per dossier or recording, one per
 * batch of traces (the batch is the store object). What cannot be classified (a class the profile
 * does not know) or located (no store key) is kept and counted, never planned (DESIGN §5: keep and
 * report what cannot be dated or classified).
 *
 * <p>The plan is in store-key order. Plan lines, tab-separated: {@code D <class> <number>}, {@code R <class> <callId> <audioKey>},
 * {@code T <class> <batchKey> <callId>,<callId>...}; surveys, which are not indexed, add {@code S <class>
 * <key>} ({@link DueSurveys}).
 */
final class PurgePlanner {

    /** A plan and what planning kept. */
    record Plan(List<String> lines, Tally kept, String idsSha256, long records) {}

    private final RecordIndex index;
    private final RetentionProfile profile;

    PurgePlanner(RecordIndex index, RetentionProfile profile) {
        this.index = index;
        this.profile = profile;
    }

    Plan plan(Instant now) {
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> batches = new LinkedHashMap<>();
        Map<String, String> batchClass = new LinkedHashMap<>();
        TreeSet<String> ids = new TreeSet<>();
        Tally kept = new Tally();
        index.forEachDue(now, record -> {
            if (!profile.has(record.retentionClass())) {
                kept.kept("unclassified:" + record.retentionClass(), 1);
                return;
            }
            if (record.storeKey() == null && record.kind() != RecordKind.DOSSIER) {
                kept.kept("no-key", 1);
                return;
            }
            ids.add(record.kind() + ":" + record.id());
            switch (record.kind()) {
                case DOSSIER -> lines.add(line("D", record.retentionClass(), record.id()));
                case RECORDING -> lines.add(line("R", record.retentionClass(), record.id(), record.storeKey()));
                case TRACE -> {
                    batches.computeIfAbsent(record.storeKey(), k -> new ArrayList<>())
                            .add(record.id());
                    batchClass.put(record.storeKey(), record.retentionClass());
                }
            }
        });
        batches.forEach((key, calls) -> lines.add(line("T", batchClass.get(key), key, String.join(",", calls))));
        lines.sort(Comparator.comparing(PurgePlanner::storeKey));
        return new Plan(lines, kept, digest(ids), ids.size());
    }

    /**
     * Where a plan line's objects are in the store: the plan is sorted by it, so that the purge
     * deletes a directory's (a day's, a dossier's) objects together, as a store deletes fastest.
     */
    static String storeKey(String line) {
        String[] f = line.split("\t", 5);
        return switch (f[0]) {
            case "D" -> "dossiers/" + f[2] + "/";
            case "R" -> f[3];
            default -> f[2];
        };
    }

    private static String line(String... fields) {
        return String.join("\t", fields);
    }

    private static String digest(TreeSet<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
