package org.callgate.recording;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.callgate.store.ObjectKey;

/**
 * Where a call's recording lives in the store: {@code recordings/yyyy/MM/dd/<callId>.wav} and
 * {@code .json} beside it, by the UTC date of the agent's answer. Fixed by the call alone, which
 * is what makes storing it idempotent.
 */
public record RecordingKeys(ObjectKey audio, ObjectKey metadata) {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    public static RecordingKeys of(String callId, Instant answered) {
        String base = "recordings/" + DAY.format(answered) + "/" + callId;
        return new RecordingKeys(ObjectKey.of(base + ".wav"), ObjectKey.of(base + ".json"));
    }
}
