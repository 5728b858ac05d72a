package org.callgate.records;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.callgate.core.dossier.CallTrace;
import org.callgate.store.ObjectKey;

/**
 * Where records live in the store. A dossier's versions sit side by side under its number
 * ({@code dossiers/D2026-000123/v000002.json}; zero-padded, so listing order is version order);
 * call traces in batches, one JSON line each, under the UTC day of their calls and named after
 * the batch's first call ({@code traces/2026/11/26/<call>.jsonl}); recordings' metadata next to
 * their audio ({@code recordings/.../<call>.json}, written by the recording uploader); survey
 * answers one object per call under the UTC day of the call ({@code surveys/2026/11/26/<call>.json}).
 */
final class RecordKeys {

    static final String DOSSIERS = "dossiers/";
    static final String TRACES = "traces/";
    static final String RECORDINGS = "recordings/";
    static final String SURVEYS = "surveys/";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RecordKeys() {}

    static ObjectKey dossier(String number, int version) {
        return ObjectKey.of(DOSSIERS + number + "/v" + String.format(Locale.ROOT, "%06d", version) + ".json");
    }

    /** The batch of traces whose first is {@code first}: all of them of the same UTC day. */
    static ObjectKey traceBatch(CallTrace first) {
        return ObjectKey.of(TRACES + DAY.format(first.time()) + "/" + first.callId() + ".jsonl");
    }

    /** The survey answers of one call (R10). */
    static ObjectKey survey(SurveyRecord survey) {
        return ObjectKey.of(SURVEYS + DAY.format(survey.time()) + "/" + survey.callId() + ".json");
    }

    /** The prefix of the trace batches of the UTC day of {@code instant}: {@code traces/2026/11/26/}. */
    static String traceDay(java.time.Instant instant) {
        return TRACES + DAY.format(instant) + "/";
    }

    /** The UTC day of a trace, which its batch shares. */
    static String day(CallTrace trace) {
        return DAY.format(trace.time());
    }

    /** The dossier number of a dossier version's key, or empty for any other key. */
    static Optional<String> dossierNumber(ObjectKey key) {
        String value = key.value();
        if (!value.startsWith(DOSSIERS) || !value.endsWith(".json")) {
            return Optional.empty();
        }
        int slash = value.indexOf('/', DOSSIERS.length());
        return slash < 0 ? Optional.empty() : Optional.of(value.substring(DOSSIERS.length(), slash));
    }

    /** Each dossier's highest version among {@code keys}, listed in key order (as a store lists them). */
    static List<ObjectKey> latestDossierVersions(List<ObjectKey> keys) {
        List<ObjectKey> latest = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Optional<String> number = dossierNumber(keys.get(i));
            if (number.isPresent() && (i + 1 == keys.size() || !number.equals(dossierNumber(keys.get(i + 1))))) {
                latest.add(keys.get(i));
            }
        }
        return latest;
    }

    /** The version a dossier key names: 2 for {@code .../v000002.json}. */
    static int dossierVersion(ObjectKey key) {
        String value = key.value();
        return Integer.parseInt(value.substring(value.lastIndexOf("/v") + 2, value.length() - ".json".length()));
    }

    /** The call id a recording's metadata key names: its file name without {@code .json}. */
    static String recordingCallId(ObjectKey key) {
        String value = key.value();
        return value.substring(value.lastIndexOf('/') + 1, value.length() - ".json".length());
    }

    /** The metadata JSON beside a recording's audio: {@code .../<call>.wav} → {@code .../<call>.json}. */
    static ObjectKey recordingMetadata(ObjectKey audio) {
        String value = audio.value();
        return ObjectKey.of(value.substring(0, value.lastIndexOf('.')) + ".json");
    }

    static boolean isRecordingMetadata(ObjectKey key) {
        return key.value().startsWith(RECORDINGS) && key.value().endsWith(".json");
    }
}
