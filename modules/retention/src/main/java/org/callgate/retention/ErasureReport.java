package org.callgate.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an erasure did, record by record (R12, R20): what went, and what was kept and why (a law
 * that keeps it: R3, R8, R18; a legal hold: R19). It is the answer a data-protection officer gives
 * and keeps as proof; it names records by dossier number and call id, not by the person.
 *
 * @param request the request it answers
 * @param scope what was to be erased
 * @param records one line per record found
 * @param smsMessages messages removed from the SMS outbox (R9), which are lines of a file, not records
 */
public record ErasureReport(String request, Instant at, Erasure.Scope scope, List<Line> records, long smsMessages) {

    /** One record: erased, or kept with the reason; {@code restricted} when kept and marked so. */
    public record Line(
            String kind, String id, String retentionClass, boolean erased, String reason, boolean restricted) {}

    public ErasureReport {
        records = List.copyOf(records);
    }

    public List<Line> erased() {
        return records.stream().filter(Line::erased).toList();
    }

    public List<Line> kept() {
        return records.stream().filter(l -> !l.erased()).toList();
    }

    /** The answer in words: what was erased, then each record kept and why. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(scope.word())
                .append(": ")
                .append(erased().size())
                .append(" records erased, ")
                .append(kept().size())
                .append(" kept");
        if (smsMessages > 0) {
            text.append(", ").append(smsMessages).append(" SMS messages removed");
        }
        text.append('.');
        for (Line line : records) {
            text.append("\n- ")
                    .append(line.kind())
                    .append(' ')
                    .append(line.id())
                    .append(" (")
                    .append(line.retentionClass())
                    .append("): ")
                    .append(line.erased() ? "erased" : "kept, " + line.reason())
                    .append(line.restricted() ? "; restricted" : "");
        }
        return text.toString();
    }

    /** As kept with the request ({@code requests/<id>/erasure-<time>.json}). */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("request", request);
        json.put("at", at.toString());
        json.put("scope", scope.word());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Line line : records) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", line.kind());
            entry.put("id", line.id());
            entry.put("class", line.retentionClass());
            entry.put("outcome", line.erased() ? "erased" : "kept");
            if (!line.erased()) {
                entry.put("reason", line.reason());
                entry.put("restricted", line.restricted());
            }
            lines.add(entry);
        }
        json.put("records", lines);
        json.put("smsMessagesRemoved", smsMessages);
        return json;
    }
}
