package org.callgate.retention;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.callgate.core.request.DataSubject;
import org.callgate.records.SubjectRecords.Found;
import org.callgate.records.SubjectRecords.Kind;

/**
 * The human-readable page of an export ({@code summary.html}, R12, R20): what is kept about the
 * person, why (the retention class and its rule) and until when, one row per record, with the
 * file in the zip that holds it. Plain HTML without scripts or outside resources, so it opens
 * anywhere, offline.
 */
final class ExportSummary {

    private ExportSummary() {}

    static byte[] html(String request, Instant at, DataSubject subject, List<Found> records, int sms) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Your data at callgate: request ")
                .append(escape(request))
                .append("</title></head><body>\n<h1>What we keep about you</h1>\n<p>Request ")
                .append(escape(request))
                .append(", prepared ")
                .append(at)
                .append(". Numbers: ")
                .append(escape(String.join(
                        ", ", subject.phones().stream().map(p -> p.e164()).toList())))
                .append(". Dossiers: ")
                .append(escape(String.join(", ", subject.dossiers())))
                .append(".</p>\n<table>\n<tr><th>What</th><th>Id</th><th>When</th><th>Kept as</th>")
                .append("<th>Kept until</th><th>Legal hold</th><th>File</th></tr>\n");
        for (Found record : records) {
            html.append("<tr><td>")
                    .append(label(record.kind()))
                    .append("</td><td>")
                    .append(escape(record.id()))
                    .append("</td><td>")
                    .append(record.time() == null ? "" : record.time().toString())
                    .append("</td><td>")
                    .append(escape(record.retentionClass()))
                    .append("</td><td>")
                    .append(record.retainUntil())
                    .append("</td><td>")
                    .append(record.legalHold() ? "yes" : "no")
                    .append("</td><td>")
                    .append(escape(file(record)))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<p>SMS messages sent to you: ")
                .append(sms)
                .append(sms > 0 ? " (sms.json)" : "")
                .append(".</p>\n<p>Every file is listed with its SHA-256 in manifest.json.</p>\n</body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case DOSSIER -> "Dossier (all versions)";
            case TRACE -> "Call";
            case RECORDING -> "Recording of a call";
            case SURVEY -> "Survey answers";
        };
    }

    private static String file(Found record) {
        String json = SubjectExport.jsonName(record);
        return record.kind() == Kind.RECORDING ? json + ", recording.wav" : json;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
