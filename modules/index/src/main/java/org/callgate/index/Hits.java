package org.callgate.index;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.RecordRetention;
import org.callgate.core.dossier.SearchHit;

/** Reads a hit back from a document's stored fields. The full IBAN is not among them (R11). */
final class Hits {

    private Hits() {}

    static SearchHit of(Document doc, float score) {
        RecordKind kind = RecordKind.valueOf(doc.get(Fields.KIND));
        RecordRetention retention = new RecordRetention(
                doc.get(Fields.RETENTION_CLASS),
                Instant.ofEpochMilli(number(doc, Fields.RETAIN_UNTIL)),
                doc.get(Fields.LEGAL_HOLD) != null);
        return new SearchHit(
                kind,
                doc.get(Fields.ID),
                doc.get(Fields.DOSSIER),
                doc.get(Fields.DISPLAY),
                values(doc, Fields.PHONES),
                doc.get(Fields.IBAN_MASKED),
                values(doc, Fields.BARCODE),
                doc.get(Fields.SERVICE),
                Instant.ofEpochMilli(number(doc, Fields.TIME)),
                retention,
                Float.isNaN(score) ? 0f : score);
    }

    private static long number(Document doc, String field) {
        IndexableField value = doc.getField(field);
        return value.numericValue().longValue();
    }

    private static List<String> values(Document doc, String field) {
        return Arrays.asList(doc.getValues(field));
    }
}
