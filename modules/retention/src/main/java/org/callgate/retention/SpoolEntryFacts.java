package org.callgate.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.callgate.core.recording.SpoolLines;

/**
 * What the spool purge needs of a spool entry ({@code <callId>.json}, written by the recording
 * module's {@code RecordingSpool}, which this module may not use, in the {@link SpoolLines}
 * format): its retention class and the
 * instant its retention starts, the end of the call when the entry has one (the later event, so a
 * recording is never removed early whichever event its class runs from), else the answer.
 */
record SpoolEntryFacts(String retentionClass, Instant start) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The facts of an entry, or empty when it is not JSON or lacks a class or a readable date. */
    static Optional<SpoolEntryFacts> parse(byte[] entry) {
        try {
            JsonNode json = JSON.readTree(SpoolLines.last(entry));
            String retentionClass = json.path("retentionClass").asText("");
            Instant answered = Instant.parse(json.path("answered").asText(""));
            String ended = json.path("ended").asText("");
            Instant start = ended.isEmpty() ? answered : Instant.parse(ended);
            return retentionClass.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new SpoolEntryFacts(retentionClass, start));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
