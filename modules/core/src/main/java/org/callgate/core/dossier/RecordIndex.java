package org.callgate.core.dossier;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ivr.CallIndex;

/**
 * The searchable, derived view of the store's records (DESIGN §2): agents look dossiers up by any
 * number or name (R2, R15), the IVR identifies callers, and the purge finds what is due (R1, R2,
 * R3, R7, R8) and never what is held (R19). The store is the source of truth: everything here is
 * written to the store first and can be rebuilt from it.
 *
 * <p>Writes replace the record with the same kind and id. They become visible to searches within
 * a short refresh interval, at once after {@link #refresh()}, and durable at {@link #commit()};
 * what was written after the last commit is lost in a crash and must be indexed again from the
 * store. The Lucene implementation is one module; a search cluster behind the same interface is
 * another (DESIGN §7).
 */
public interface RecordIndex extends CallIndex, AutoCloseable {

    void put(Dossier dossier);

    void put(CallTrace trace);

    /** Puts a trace with the key of the store object (batch) that holds it, for the purge and holds. */
    void put(CallTrace trace, String batchKey);

    void put(RecordingRef recording);

    /**
     * With {@code on}, puts add records without looking for an older copy to replace: the way to
     * fill an empty index (a rebuild after {@link #deleteAll()}, a bulk load), several times faster
     * on a large index. A record put twice meanwhile is then found twice. Off again with false.
     */
    void appendOnly(boolean on);

    SearchPage search(SearchQuery query);

    /** The highest indexed version of a dossier, to read it from the store. */
    Optional<Integer> dossierVersion(String number);

    /** Records of every kind past retain-until at {@code now} and not under legal hold. */
    long countExpired(Instant now);

    /** Removes what {@link #countExpired(Instant)} counts, and nothing else; returns how many. */
    long deleteExpired(Instant now);

    /** Removes one record. */
    void delete(RecordKind kind, String id);

    /** Removes the records of {@code kind} with these ids; an id the index does not have is skipped. */
    void delete(RecordKind kind, Collection<String> ids);

    /**
     * Hands every record past retain-until at {@code now} and not under legal hold to {@code each}
     * (what {@link #countExpired(Instant)} counts), from one point-in-time view: records written or
     * removed meanwhile do not change what is handed over.
     */
    void forEachDue(Instant now, Consumer<IndexedRecord> each);

    /** Every record linked to a dossier: the dossier itself, its calls' traces and recordings (R19). */
    List<IndexedRecord> linkedTo(String dossier);

    /** Every record of a caller's number: dossiers, traces and recordings (R19). */
    List<IndexedRecord> ofCaller(PhoneNumber caller);

    /** The trace and the recording of one call, where the index has them. */
    List<IndexedRecord> ofCall(String callId);

    /** Reclaims the space of removed records, so that a purge really shrinks the index. */
    void expungeDeletes();

    /** Removes every record, before a rebuild. */
    void deleteAll();

    /** How many records of {@code kind} the index holds (a searcher's view, after {@link #refresh()}). */
    long count(RecordKind kind);

    /** Makes every write so far visible to searches. */
    void refresh();

    /** Makes every write so far durable. */
    void commit();

    /** Commits and releases the index. */
    @Override
    void close();
}
