package org.callgate.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.callgate.store.RetentionProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes from the recording spool what has outlived its retention (R7, R8, R14): a recording
 * waits there as {@code <callId>.wav} beside its entry {@code <callId>.json} (retention class,
 * answer and end times) until the uploader has stored it, so a recording the store never took
 * would otherwise keep the caller's voice and number (R4) on local disk for ever.
 *
 * <ul>
 *   <li>An entry (with its WAV) goes when its retention has passed: its start ({@link
 *       SpoolEntryFacts}: the end of the call, else the answer) plus its class's keep is at or
 *       before {@code now}. Such a recording was never uploaded within its whole retention, an
 *       upload failure an operator must hear of: these are counted apart, named in the note and
 *       logged by call id.
 *   <li>A WAV without entry goes when its modification time is older than the longest keep.
 *   <li>A temporary file ({@code *.tmp}, an entry being replaced) goes a day after its modification.
 * </ul>
 *
 * <p>An entry that cannot be read, or whose class the profile does not know, is kept and counted
 * in the note. The uploader may be working on the same entry: only entries past their retention
 * are removed (storing one then would be wrong anyway), and files that vanish meanwhile are
 * skipped. The WAV is deleted before its entry, as the spool itself does, so an interrupted purge
 * never leaves audio without its facts.
 */
public final class SpoolPurge implements LocalPurge {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolPurge.class);
    private static final Period TEMP_KEEP = Period.ofDays(1);

    private final Path spool;
    private final Function<String, Period> keepOfClass;
    private final Period longest;

    /**
     * A purge of {@code spool}; {@code keepOfClass} gives a retention class's keep, or null for a
     * class it does not know; {@code longest} is how long a WAV without entry is kept.
     */
    public SpoolPurge(Path spool, Function<String, Period> keepOfClass, Period longest) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.keepOfClass = Objects.requireNonNull(keepOfClass, "keepOfClass");
        this.longest = Objects.requireNonNull(longest, "longest");
    }

    /** A purge of {@code spool} with the keeps of {@code profile} and its longest one for orphans. */
    public static SpoolPurge of(Path spool, RetentionProfile profile) {
        return new SpoolPurge(
                spool,
                c -> profile.has(c) ? profile.rule(c).keep() : null,
                profile.longest().keep());
    }

    @Override
    public Outcome purge(Instant now, boolean dryRun) throws IOException {
        if (!Files.isDirectory(spool)) {
            return new Outcome(what(), 0, 0, "no spool");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(spool)) {
            files = listing.toList();
        }
        SpoolCounts counts = new SpoolCounts();
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(".json")) {
                entry(file, now, dryRun, counts);
            }
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".wav") && !Files.exists(spool.resolve(callId(name, ".wav") + ".json"))) {
                counts.orphans += aged(file, longest, now, dryRun, counts);
            } else if (name.endsWith(".tmp")) {
                counts.temps += aged(file, TEMP_KEEP, now, dryRun, counts);
            }
        }
        return counts.outcome(what());
    }

    private void entry(Path json, Instant now, boolean dryRun, SpoolCounts counts) throws IOException {
        String callId = callId(json.getFileName().toString(), ".json");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(json);
        } catch (NoSuchFileException uploadedMeanwhile) {
            return;
        }
        Optional<SpoolEntryFacts> entry = SpoolEntryFacts.parse(bytes);
        if (entry.isEmpty()) {
            counts.unreadable++;
            return;
        }
        String retentionClass = entry.get().retentionClass();
        Period keep = keepOfClass.apply(retentionClass);
        if (keep == null) {
            counts.unknownClass++;
        } else if (!Expiry.due(entry.get().start(), keep, now)) {
            counts.kept++;
        } else {
            counts.expired++;
            if (!dryRun) {
                LOG.warn(
                        "spool: recording of call {} ({}) never uploaded within its retention; removed",
                        callId,
                        retentionClass);
                Files.deleteIfExists(spool.resolve(callId + ".wav"));
                Files.deleteIfExists(json);
            }
        }
    }

    /** 1 when {@code file} was modified {@code keep} before {@code now} or earlier (and is removed). */
    private static int aged(Path file, Period keep, Instant now, boolean dryRun, SpoolCounts counts)
            throws IOException {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            if (!Expiry.due(modified, keep, now)) {
                counts.kept++;
                return 0;
            }
            if (!dryRun) {
                Files.delete(file);
            }
            return 1;
        } catch (NoSuchFileException goneMeanwhile) {
            return 0; // the uploader or the spool removed it: nothing left to purge
        }
    }

    private static String callId(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private String what() {
        return "recording spool " + spool;
    }
}
