package org.callgate.retention;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes the daily CDR files past the call trace's retention (R1). The CDR line of each call
 * (logger {@code callgate.cdr}) holds the caller's number; logback writes one file per UTC day,
 * {@code cdr-YYYY-MM-DD.log} (see the app's {@code logback.xml}), and keeps every file: deletion is
 * this purge's job, on the injected clock, not logback's {@code maxHistory}.
 *
 * <p>A whole file goes once its <em>last</em> line is due: the file of day D when D + 1 day +
 * {@code keep} is at or before {@code now}. Today's file, which logback is writing, is never
 * touched. A file whose name holds no valid date is kept and reported: what cannot be dated is
 * never deleted. Files are only deleted, never rewritten, so a line logback appends cannot be lost.
 */
public final class CdrFilesPurge implements LocalPurge {

    private static final Pattern DAILY = Pattern.compile("cdr-(\\d{4}-\\d{2}-\\d{2})\\.log");

    private final Path dir;
    private final Period keep;

    /** A purge of the CDR files in {@code dir}, keeping each line {@code keep} (R1: the trace's). */
    public CdrFilesPurge(Path dir, Period keep) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    @Override
    public Outcome purge(Instant now, boolean dryRun) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new Outcome(what(), 0, 0, "no CDR directory");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long removed = 0;
        long kept = 0;
        long undated = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Optional<LocalDate> day = dayOf(file);
                if (day.isEmpty()) {
                    undated++;
                } else if (!day.get().isBefore(today) || !Expiry.due(endOf(day.get()), keep, now)) {
                    kept++;
                } else {
                    removed++;
                    if (!dryRun) {
                        delete(file);
                    }
                }
            }
        }
        if (removed > 0 && !dryRun) {
            Directories.sync(dir);
        }
        return new Outcome(what(), removed, kept + undated, undated == 0 ? "" : undated + " files without a date kept");
    }

    /** The UTC day in the file's name, or empty when the name is not {@code cdr-YYYY-MM-DD.log}. */
    static Optional<LocalDate> dayOf(Path file) {
        Matcher name = DAILY.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name.group(1)));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    /** The instant the day's last line can have been written by: the start of the next UTC day. */
    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void delete(Path file) throws IOException {
        try {
            Files.delete(file);
        } catch (NoSuchFileException alreadyGone) {
            // deleted meanwhile (an operator, another purge): the aim is met
        }
    }

    private String what() {
        return "CDR files in " + dir;
    }
}
