package org.callgate.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.callgate.audit.AuditVerification.Break;
import org.callgate.audit.AuditVerification.Reason;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * Checks the audit log (R11) and names its first broken entry. It walks the local segments in
 * order and, for each line, recomputes the hash over its content (a mismatch: the line was
 * edited), checks that its seq is the next one (a gap: lines were deleted or moved) and that its
 * {@code prev} is the hash of the line before (a mismatch: that line was replaced or moved).
 *
 * <p>Given the store, it also compares every sealed segment with its copy there (a line that
 * differs, even with a recomputed chain, was altered after sealing), reports a sealed segment
 * missing locally, and checks the latest stored head: a chain that ends before it was truncated,
 * and an entry at its seq with another hash was rewritten. Reading only, it never repairs.
 */
public final class AuditVerifier {

    private final ChainSource source;
    private final StoredAudit stored;
    /** Whether the source holds the chain's tail, so that a head beyond it means a truncation. */
    private final boolean tailHere;

    private long expected = 1;
    private String prev = AuditLines.GENESIS;
    private String lastHash = AuditLines.GENESIS;
    private int segments;
    private String lastSegment;
    private long lastLine;
    private Break atHead;

    private AuditVerifier(ChainSource source, StoredAudit stored, boolean tailHere) {
        this.source = source;
        this.stored = stored;
        this.tailHere = tailHere;
        this.lastSegment = source.name(1);
    }

    /** Checks the local log in {@code directory} alone. */
    public static AuditVerification verify(Path directory) throws IOException {
        return new AuditVerifier(ChainSource.local(directory), StoredAudit.NONE, true).run();
    }

    /**
     * Checks the local log in {@code directory} against the sealed segments and head in {@code
     * store}: those of the node the log is archived as ({@code node-id} beside its segments, ADR
     * 0018), else those of the single callgate before node ids. {@link AuditChains} checks every
     * node's chain.
     */
    public static AuditVerification verify(Path directory, RecordingStore store) throws IOException, StoreException {
        Optional<String> node = NodeFile.read(directory);
        return node.isPresent()
                ? AuditChains.verifyLocal(directory, node.get(), store)
                : verify(directory, StoredAudit.read(store));
    }

    /** Checks the local log in {@code directory} against {@code stored}. */
    static AuditVerification verify(Path directory, StoredAudit stored) throws IOException, StoreException {
        return new AuditVerifier(ChainSource.local(directory), stored, true).runChecked();
    }

    /**
     * Checks a chain from its sealed copies in the store alone: another node's, whose active
     * segment is on that node, so a head beyond the sealed entries is no truncation here.
     */
    static AuditVerification verifyStored(StoredAudit stored) throws IOException, StoreException {
        return new AuditVerifier(ChainSource.stored(stored), stored.headOnly(), false).runChecked();
    }

    /**
     * Checks a chain from its sealed copies in the store ({@code chain}) against other copies of it
     * ({@code copies}): another node's chain against what it archived before node ids.
     */
    static AuditVerification compareStored(StoredAudit chain, StoredAudit copies) throws IOException, StoreException {
        return new AuditVerifier(ChainSource.stored(chain), copies, false).runChecked();
    }

    private AuditVerification run() throws IOException {
        try {
            return runChecked();
        } catch (StoreException e) {
            throw new IllegalStateException("no store was given", e);
        }
    }

    private AuditVerification runChecked() throws IOException, StoreException {
        List<Long> localNumbers = source.numbers();
        TreeSet<Long> numbers = new TreeSet<>(stored.segmentNumbers());
        numbers.addAll(localNumbers);
        for (long number : numbers) {
            Optional<Break> broken = localNumbers.contains(number) ? segment(number) : Optional.of(missing(number));
            if (broken.isPresent()) {
                return result(broken);
            }
        }
        return result(head());
    }

    private Optional<Break> segment(long number) throws IOException, StoreException {
        String name = source.name(number);
        Segments.Content content = source.read(number);
        List<byte[]> sealed = stored.segment(number).map(AuditVerifier::lines).orElse(null);
        List<byte[]> lines = content.lines();
        for (int i = 0; i < lines.size(); i++) {
            Optional<Break> broken = entryAt(name, number, i, lines, sealed);
            if (broken.isPresent()) {
                return broken;
            }
        }
        Optional<Break> end = end(name, number, content, sealed);
        segments += end.isEmpty() && !lines.isEmpty() ? 1 : 0;
        return end;
    }

    /** Line {@code i} (from 0) checked on its own, in the chain, then against the sealed copy. */
    private Optional<Break> entryAt(String name, long number, int i, List<byte[]> lines, List<byte[]> sealed) {
        Optional<Break> broken = line(name, i + 1, lines.get(i));
        boolean differs = sealed != null && (i >= sealed.size() || !Arrays.equals(sealed.get(i), lines.get(i)));
        return broken.isEmpty() && differs ? Optional.of(differs(name, i + 1, expected - 1, number)) : broken;
    }

    /** After the last complete line: lines the sealed copy has beyond it, or a torn line. */
    private Optional<Break> end(String name, long number, Segments.Content content, List<byte[]> sealed) {
        int count = content.lines().size();
        if (sealed != null && sealed.size() > count) {
            return Optional.of(new Break(
                    name,
                    count + 1,
                    expected,
                    Reason.DIFFERS_FROM_STORE,
                    "lines removed: its sealed copy "
                            + stored.segmentKey(number).orElseThrow() + " has " + sealed.size()
                            + " lines, this segment " + count));
        }
        if (content.torn() != null) {
            return Optional.of(new Break(
                    name,
                    count + 1,
                    expected,
                    Reason.TORN,
                    "the segment ends inside a line (" + content.torn().length + " bytes without a newline):"
                            + " cut by a crash during an append, or by hand"));
        }
        return Optional.empty();
    }

    private Optional<Break> line(String segment, long number, byte[] bytes) {
        AuditLines.Line line;
        try {
            line = AuditLines.decode(bytes);
        } catch (AuditLines.MalformedLineException e) {
            long seq = e.claimedSeq() > 0 ? e.claimedSeq() : expected;
            return Optional.of(
                    e.edited()
                            ? new Break(segment, number, seq, Reason.EDITED, e.getMessage())
                            : new Break(
                                    segment, number, seq, Reason.UNREADABLE, "not an audit entry: " + e.getMessage()));
        }
        AuditEntry entry = line.entry();
        if (entry.seq() != expected) {
            return Optional.of(new Break(
                    segment,
                    number,
                    entry.seq(),
                    Reason.OUT_OF_SEQUENCE,
                    "seq " + entry.seq() + " where " + expected + " was expected: "
                            + (entry.seq() > expected
                                    ? "entries before it were deleted, or lines moved"
                                    : "lines were moved or copied")));
        }
        if (!entry.prev().equals(prev)) {
            return Optional.of(new Break(
                    segment,
                    number,
                    entry.seq(),
                    Reason.BROKEN_LINK,
                    "its prev is not the hash of the line before it: that line was replaced, or lines moved"));
        }
        accept(segment, number, line);
        return Optional.empty();
    }

    private void accept(String segment, long number, AuditLines.Line line) {
        AuditEntry entry = line.entry();
        expected++;
        prev = line.sha256();
        lastHash = entry.hash();
        lastSegment = segment;
        lastLine = number;
        Optional<StoredAudit.Head> head = stored.latestHead();
        if (head.isPresent()
                && head.get().seq() == entry.seq()
                && !head.get().hash().equals(entry.hash())) {
            atHead = new Break(
                    segment,
                    number,
                    entry.seq(),
                    Reason.HEAD_MISMATCH,
                    "the store's head " + head.get().key() + " names hash "
                            + head.get().hash() + ", this entry has " + entry.hash() + ": the chain was rewritten");
        }
    }

    private Optional<Break> head() {
        Optional<StoredAudit.Head> head = stored.latestHead();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        if (head.get().seq() > expected - 1) {
            if (!tailHere) {
                return Optional.empty(); // entries past the sealed ones are in that node's active segment
            }
            return Optional.of(new Break(
                    lastSegment,
                    lastLine + 1,
                    expected,
                    Reason.TRUNCATED,
                    "truncated: the chain ends at seq " + (expected - 1) + ", but the store's head "
                            + head.get().key() + " is seq " + head.get().seq()));
        }
        return Optional.ofNullable(atHead);
    }

    private Break missing(long number) {
        return new Break(
                Segments.name(number),
                1,
                expected,
                Reason.MISSING_SEGMENT,
                "missing here, but sealed in the store as "
                        + stored.segmentKey(number).orElseThrow());
    }

    private Break differs(String segment, long line, long seq, long number) {
        return new Break(
                segment,
                line,
                seq,
                Reason.DIFFERS_FROM_STORE,
                "differs from its sealed copy " + stored.segmentKey(number).orElseThrow() + " in the store");
    }

    private AuditVerification result(Optional<Break> broken) {
        return new AuditVerification(expected - 1, segments, expected - 1, lastHash, broken);
    }

    /** A sealed copy's lines, a last one without a newline included. */
    private static List<byte[]> lines(byte[] bytes) {
        Segments.Content content = Segments.split(bytes);
        List<byte[]> lines = new ArrayList<>(content.lines());
        if (content.torn() != null) {
            lines.add(content.torn());
        }
        return lines;
    }
}
