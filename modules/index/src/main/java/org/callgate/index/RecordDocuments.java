package org.callgate.index;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.RecordingRef;

/** Turns records into Lucene documents: what is searched, filtered, sorted and shown. */
final class RecordDocuments {

    private RecordDocuments() {}

    static Term uid(RecordKind kind, String id) {
        return new Term(Fields.UID, kind.name() + ":" + id);
    }

    static Document of(Dossier dossier) {
        Document doc =
                base(RecordKind.DOSSIER, dossier.number(), dossier.service(), dossier.updated(), dossier.retention());
        doc.add(new StringField(Fields.DOSSIER, dossier.number(), Store.YES));
        phones(doc, dossier.phones());
        doc.add(new TextField(Fields.NAME, dossier.name() + " " + dossier.firstName(), Store.NO));
        doc.add(new StoredField(Fields.DISPLAY, dossier.displayName()));
        if (dossier.iban() != null) {
            doc.add(new StringField(Fields.IBAN, dossier.iban().value(), Store.NO));
            doc.add(new StoredField(Fields.IBAN_MASKED, dossier.iban().masked()));
        }
        for (String call : dossier.calls()) {
            doc.add(new StringField(Fields.CALL_ID, call, Store.NO));
        }
        doc.add(new StoredField(Fields.VERSION, dossier.version()));
        return doc;
    }

    static Document of(CallTrace trace, String batchKey) {
        Document doc = base(RecordKind.TRACE, trace.callId(), trace.service(), trace.time(), trace.retention());
        if (batchKey != null) {
            doc.add(new StoredField(Fields.STORE_KEY, batchKey));
        }
        doc.add(new StringField(Fields.CALL_ID, trace.callId(), Store.NO));
        if (trace.caller() != null) {
            phones(doc, List.of(trace.caller()));
        }
        for (String barcode : trace.barcodes()) {
            doc.add(new StringField(Fields.BARCODE, barcode, Store.YES));
        }
        if (trace.dossier() != null) {
            doc.add(new StringField(Fields.DOSSIER, trace.dossier(), Store.YES));
        }
        return doc;
    }

    static Document of(RecordingRef recording) {
        Document doc = base(
                RecordKind.RECORDING,
                recording.callId(),
                recording.service(),
                recording.start(),
                recording.retention());
        doc.add(new StringField(Fields.CALL_ID, recording.callId(), Store.NO));
        if (recording.caller() != null) {
            phones(doc, List.of(recording.caller()));
        }
        if (recording.dossier() != null) {
            doc.add(new StringField(Fields.DOSSIER, recording.dossier(), Store.YES));
        }
        doc.add(new StoredField(Fields.STORE_KEY, recording.audioKey()));
        return doc;
    }

    private static Document base(RecordKind kind, String id, String service, Instant time, RecordRetention retention) {
        Document doc = new Document();
        doc.add(new StringField(Fields.UID, uid(kind, id).text(), Store.NO));
        doc.add(new StringField(Fields.KIND, kind.name(), Store.YES));
        doc.add(new StoredField(Fields.ID, id));
        doc.add(new StringField(Fields.SERVICE, service, Store.YES));
        long millis = time.toEpochMilli();
        doc.add(new LongPoint(Fields.TIME, millis));
        doc.add(new NumericDocValuesField(Fields.TIME, millis));
        doc.add(new StoredField(Fields.TIME, millis));
        doc.add(new StoredField(Fields.RETENTION_CLASS, retention.retentionClass()));
        long until = retention.retainUntil().toEpochMilli();
        doc.add(new LongPoint(Fields.RETAIN_UNTIL, until));
        doc.add(new StoredField(Fields.RETAIN_UNTIL, until));
        if (retention.legalHold()) {
            doc.add(new StringField(Fields.LEGAL_HOLD, Fields.HELD, Store.YES));
        }
        return doc;
    }

    private static void phones(Document doc, Collection<PhoneNumber> phones) {
        for (PhoneNumber phone : phones) {
            doc.add(new StringField(Fields.PHONE, phone.e164(), Store.NO));
            doc.add(new StoredField(Fields.PHONES, phone.e164()));
        }
    }
}
