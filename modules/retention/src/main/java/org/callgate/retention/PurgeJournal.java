package org.callgate.retention;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a purge run is to destroy and how far it got, on local disk, so that a run stopped by a
 * crash or a store outage is finished by the next one (idempotent steps make redoing the last
 * chunk harmless). A run's plan is {@code <run>.plan}, written whole before the first delete;
 * its progress {@code <run>.done}, one fsynced line per finished chunk: the lines done so far
 * and the counts so far.
 *
 * <p>A crash can also leave files no run will ever read: a {@code <run>.plan.tmp} cut off before
 * it became the plan (nothing was deleted for it), or a {@code <run>.done} whose plan was already
 * forgotten. They name records that may be destroyed since, so they are removed when the journal
 * is opened, not kept for ever.
 */
final class PurgeJournal {

    private final Path dir;

    PurgeJournal(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        removeLeftovers();
    }

    /** Deletes plans never finished writing and progress of runs already forgotten. */
    private void removeLeftovers() throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{plan.tmp,done}")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".plan.tmp") || !Files.exists(dir.resolve(name.replaceFirst("\\.done$", ".plan")))) {
                    leftovers.add(file);
                }
            }
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
    }

    /** A run the journal holds unfinished, if any: its id. */
    Optional<String> unfinished() throws IOException {
        List<String> runs = new ArrayList<>();
        try (DirectoryStream<Path> plans = Files.newDirectoryStream(dir, "*.plan")) {
            plans.forEach(p -> runs.add(p.getFileName().toString().replaceFirst("\\.plan$", "")));
        }
        return runs.stream().sorted().findFirst();
    }

    /** Writes the plan of {@code run} atomically: it exists whole or not at all. */
    void writePlan(String run, List<String> lines) throws IOException {
        Path temp = dir.resolve(run + ".plan.tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        force(temp);
        Files.move(temp, dir.resolve(run + ".plan"), StandardCopyOption.ATOMIC_MOVE);
        force(dir);
    }

    List<String> plan(String run) throws IOException {
        return Files.readAllLines(dir.resolve(run + ".plan"), StandardCharsets.UTF_8);
    }

    /** The last progress line of {@code run}: lines done and the counts so far; empty before the first chunk. */
    Optional<String> progress(String run) throws IOException {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(run + ".done"), StandardCharsets.UTF_8);
            // a line torn by a power cut is skipped: the run redoes, idempotently, from the one before
            return lines.stream().filter(PurgeJournal::whole).reduce((a, b) -> b);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** A progress line as written: lines done, then the counts ({@code 2000 purged=trace:5 kept=}). */
    static boolean whole(String line) {
        return line.matches("[0-9]+ purged=[^ ]* kept=[^ ]*");
    }

    void recordProgress(String run, String line) throws IOException {
        Path done = dir.resolve(run + ".done");
        try (FileChannel out = FileChannel.open(
                done, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(false);
        }
    }

    /** Forgets a finished run. */
    void finish(String run) throws IOException {
        Files.deleteIfExists(dir.resolve(run + ".plan"));
        Files.deleteIfExists(dir.resolve(run + ".done"));
    }

    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
