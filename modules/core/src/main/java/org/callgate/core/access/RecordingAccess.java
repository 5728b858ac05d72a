package org.callgate.core.access;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds recordings and opens their audio, for the web API. Who may hear what is the caller's check
 * ({@link Account#mayHear(String, boolean)}); this only answers what exists.
 */
public interface RecordingAccess {

    /** The recordings matching the filter, newest first, at most {@code filter.limit()}. */
    List<RecordingSummary> find(RecordingFilter filter) throws IOException;

    /** One recording's summary by call id, or empty when there is none. */
    Optional<RecordingSummary> recording(String callId) throws IOException;

    /** The size in bytes of the recording's audio, or empty when it has none in the store. */
    OptionalLong audioSize(String callId) throws IOException;

    /** Bytes {@code first} to {@code last} (inclusive) of the recording's audio. */
    RecordingAudio open(String callId, long first, long last) throws IOException;
}
