package org.callgate.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;
import org.callgate.core.dossier.SearchHit;

/**
 * Records as the JSON sources of the cluster's documents, and hits read back from them. The
 * fields and their types are those of {@code records-index.json}; the full IBAN is sent to be
 * indexed, and the mapping keeps it out of the stored source, so no hit can show it (R11).
 */
final class RecordSources {

    static final String KIND = "kind";
    static final String ID = "id";
    static final String SERVICE = "service";
    static final String TIME = "time";
    static final String RETENTION_CLASS = "retentionClass";
    static final String RETAIN_UNTIL = "retainUntil";
    static final String LEGAL_HOLD = "legalHold";
    static final String DOSSIER = "dossier";
    static final String PHONES = "phones";
    static final String NAME = "name";
    static final String DISPLAY = "display";
    static final String IBAN = "iban";
    static final String IBAN_MASKED = "ibanMasked";
    static final String BARCODES = "barcodes";
    static final String CALL_IDS = "callIds";
    static final String VERSION = "version";
    static final String STORE_KEY = "storeKey";

    /** What the purge and holds read of a record: never names, numbers or notes. */
    static final List<String> RETENTION_FIELDS =
            List.of(KIND, ID, RETENTION_CLASS, RETAIN_UNTIL, LEGAL_HOLD, STORE_KEY);

    private RecordSources() {}

    /** The document id: one document per kind and record id, replaced when written again. */
    static String docId(RecordKind kind, String id) {
        return kind.name() + ":" + id;
    }

    static Map<String, Object> of(Dossier dossier) {
        Map<String, Object> doc =
                base(RecordKind.DOSSIER, dossier.number(), dossier.service(), dossier.updated(), dossier.retention());
        doc.put(DOSSIER, dossier.number());
        doc.put(PHONES, phones(dossier.phones()));
        doc.put(NAME, dossier.name() + " " + dossier.firstName());
        doc.put(DISPLAY, dossier.displayName());
        if (dossier.iban() != null) {
            doc.put(IBAN, dossier.iban().value());
            doc.put(IBAN_MASKED, dossier.iban().masked());
        }
        doc.put(CALL_IDS, dossier.calls());
        doc.put(VERSION, dossier.version());
        return doc;
    }

    static Map<String, Object> of(CallTrace trace, String batchKey) {
        Map<String, Object> doc =
                base(RecordKind.TRACE, trace.callId(), trace.service(), trace.time(), trace.retention());
        if (batchKey != null) {
            doc.put(STORE_KEY, batchKey);
        }
        doc.put(CALL_IDS, List.of(trace.callId()));
        if (trace.caller() != null) {
            doc.put(PHONES, phones(List.of(trace.caller())));
        }
        doc.put(BARCODES, trace.barcodes());
        if (trace.dossier() != null) {
            doc.put(DOSSIER, trace.dossier());
        }
        return doc;
    }

    static Map<String, Object> of(RecordingRef recording) {
        Map<String, Object> doc = base(
                RecordKind.RECORDING,
                recording.callId(),
                recording.service(),
                recording.start(),
                recording.retention());
        doc.put(CALL_IDS, List.of(recording.callId()));
        if (recording.caller() != null) {
            doc.put(PHONES, phones(List.of(recording.caller())));
        }
        if (recording.dossier() != null) {
            doc.put(DOSSIER, recording.dossier());
        }
        doc.put(STORE_KEY, recording.audioKey());
        return doc;
    }

    private static Map<String, Object> base(
            RecordKind kind, String id, String service, Instant time, RecordRetention retention) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(KIND, kind.name());
        doc.put(ID, id);
        doc.put(SERVICE, service);
        doc.put(TIME, time.toEpochMilli());
        doc.put(RETENTION_CLASS, retention.retentionClass());
        doc.put(RETAIN_UNTIL, retention.retainUntil().toEpochMilli());
        doc.put(LEGAL_HOLD, retention.legalHold());
        return doc;
    }

    private static List<String> phones(Collection<PhoneNumber> phones) {
        return phones.stream().map(PhoneNumber::e164).toList();
    }

    static SearchHit hit(ObjectNode source, Double score) {
        return new SearchHit(
                RecordKind.valueOf(source.path(KIND).asText()),
                source.path(ID).asText(),
                text(source, DOSSIER),
                text(source, DISPLAY),
                texts(source, PHONES),
                text(source, IBAN_MASKED),
                texts(source, BARCODES),
                text(source, SERVICE),
                Instant.ofEpochMilli(source.path(TIME).asLong()),
                retention(source),
                score == null || score.isNaN() ? 0f : score.floatValue());
    }

    static IndexedRecord indexed(ObjectNode source) {
        RecordRetention retention = retention(source);
        return new IndexedRecord(
                RecordKind.valueOf(source.path(KIND).asText()),
                source.path(ID).asText(),
                retention.retentionClass(),
                retention.retainUntil(),
                retention.legalHold(),
                text(source, STORE_KEY));
    }

    private static RecordRetention retention(ObjectNode source) {
        return new RecordRetention(
                source.path(RETENTION_CLASS).asText(),
                Instant.ofEpochMilli(source.path(RETAIN_UNTIL).asLong()),
                source.path(LEGAL_HOLD).asBoolean(false));
    }

    private static String text(ObjectNode source, String field) {
        JsonNode value = source.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(ObjectNode source, String field) {
        List<String> values = new ArrayList<>();
        source.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }
}
