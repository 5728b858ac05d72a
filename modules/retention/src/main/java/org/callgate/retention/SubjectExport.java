package org.callgate.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.core.request.DataSubject;
import org.callgate.records.OthersCalls;
import org.callgate.records.SubjectRecords;
import org.callgate.records.SubjectRecords.Found;
import org.callgate.records.SubjectRecords.Kind;
import org.callgate.store.Digests;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * The answer to an access or portability request (R12, R20): one zip with everything callgate
 * keeps about the data subject, in a form a machine reads and one a person reads. {@code
 * manifest.json} lists every file with its SHA-256 and the record it holds; each record is its own
 * JSON file ({@code dossiers/<number>.json} with every version, {@code calls/<call>/trace.json},
 * {@code recording.json} and {@code recording.wav}, {@code survey.json}); {@code sms.json} holds
 * the SMS messages sent to them (R9); {@code summary.html} says it in words.
 *
 * <p>Others' personal data stays out: a call linked to the subject's dossier but made from
 * another number is left out (only counted in the manifest, and dropped from the dossier's linked
 * calls), and the agents' names in a dossier's notes ("check ok by agent-7") are replaced by "an
 * agent".
 */
public final class SubjectExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AGENT = Pattern.compile("( check (?:ok|failed)) by \\S+");

    private final SubjectRecords subjects;
    private final Path outbox;
    private final Clock clock;

    /** @param outbox the SMS outbox, or null when there is none */
    public SubjectExport(RecordingStore store, RecordIndex index, Path outbox, Clock clock) {
        this.subjects = new SubjectRecords(store, index);
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What an export held: its records, and the calls of others left out. */
    public record Summary(Instant at, List<Found> records, int othersLeftOut, int smsMessages, String manifestSha256) {}

    /** Writes the export of {@code subject}, for request {@code request}, as a zip to {@code out}. */
    public Summary write(String request, DataSubject subject, OutputStream out) throws StoreException, IOException {
        Instant at = clock.instant();
        List<Found> found = subjects.find(subject);
        Set<String> own = OthersCalls.ownNumbers(subjects, subject, found);
        Set<String> foreignCalls = OthersCalls.among(subjects, found, own);
        List<Found> exported = found.stream()
                .filter(f -> f.kind() == Kind.DOSSIER || !foreignCalls.contains(f.id()))
                .toList();
        ArrayNode files = JSON.createArrayNode();
        ArrayNode sms;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Found record : exported) {
                entry(zip, files, record, jsonName(record), redacted(record, foreignCalls));
                if (record.kind() == Kind.RECORDING) {
                    try (InputStream audio = subjects.open(record.objects().getFirst())) {
                        entry(zip, files, record, "calls/" + record.id() + "/recording.wav", audio.readAllBytes());
                    }
                }
            }
            sms = smsMessages(own, exported);
            if (!sms.isEmpty()) {
                entry(
                        zip,
                        files,
                        null,
                        "sms.json",
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sms));
            }
            entry(zip, files, null, "summary.html", ExportSummary.html(request, at, subject, exported, sms.size()));
            byte[] manifest = manifest(request, at, subject, files, foreignCalls.size());
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest);
            zip.closeEntry();
            return new Summary(at, exported, foreignCalls.size(), sms.size(), Digests.sha256Hex(manifest));
        }
    }

    /** Where a record's JSON is in the zip. */
    static String jsonName(Found record) {
        return switch (record.kind()) {
            case DOSSIER -> "dossiers/" + record.id() + ".json";
            case TRACE -> "calls/" + record.id() + "/trace.json";
            case RECORDING -> "calls/" + record.id() + "/recording.json";
            case SURVEY -> "calls/" + record.id() + "/survey.json";
        };
    }

    /**
     * The record's JSON; in a dossier's versions, agents' names in the notes replaced and the calls
     * of others ({@code others}) left out of the linked calls.
     */
    private byte[] redacted(Found record, Set<String> others) throws StoreException, IOException {
        byte[] json = subjects.json(record);
        if (record.kind() != Kind.DOSSIER) {
            return json;
        }
        JsonNode versions = JSON.readTree(json);
        for (JsonNode version : versions) {
            if (version.path("calls").isArray()) {
                ArrayNode calls = (ArrayNode) version.get("calls");
                for (int i = calls.size() - 1; i >= 0; i--) {
                    if (others.contains(calls.get(i).asText())) {
                        calls.remove(i);
                    }
                }
            }
            if (version.path("notes").isTextual()) {
                ((ObjectNode) version)
                        .put(
                                "notes",
                                AGENT.matcher(version.get("notes").textValue()).replaceAll("$1 by an agent"));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(versions);
    }

    private static void entry(ZipOutputStream zip, ArrayNode files, Found record, String name, byte[] bytes)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        ObjectNode file = files.addObject();
        file.put("name", name);
        file.put("bytes", bytes.length);
        file.put("sha256", Digests.sha256Hex(bytes));
        if (record != null) {
            file.put("kind", record.kind().word());
            file.put("id", record.id());
            file.put("retentionClass", record.retentionClass());
            file.put("retainUntil", record.retainUntil().toString());
        }
    }

    private static byte[] manifest(String request, Instant at, DataSubject subject, ArrayNode files, int others)
            throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("request", request);
        manifest.put("generatedAt", at.toString());
        ArrayNode numbers = manifest.putArray("numbers");
        subject.phones().forEach(p -> numbers.add(p.e164()));
        ArrayNode dossiers = manifest.putArray("dossiers");
        subject.dossiers().forEach(dossiers::add);
        manifest.put("callsOfOthersLeftOut", others);
        manifest.set("files", files);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    /** The outbox's messages to the subject's numbers or of their calls. */
    private ArrayNode smsMessages(Set<String> own, List<Found> exported) throws IOException {
        ArrayNode messages = JSON.createArrayNode();
        if (outbox == null || !Files.exists(outbox)) {
            return messages;
        }
        Set<String> calls = new LinkedHashSet<>();
        exported.stream().filter(f -> f.kind() != Kind.DOSSIER).forEach(f -> calls.add(f.id()));
        List<String> lines = new ArrayList<>(Files.readAllLines(outbox, StandardCharsets.UTF_8));
        for (String line : lines) {
            try {
                JsonNode message = JSON.readTree(line);
                if (message != null
                        && message.isObject()
                        && (own.contains(message.path("to").asText())
                                || calls.contains(message.path("callId").asText()))) {
                    messages.add(message);
                }
            } catch (IOException notAMessage) {
                // a line cut short by a crash: no message to export
            }
        }
        return messages;
    }
}
