package org.callgate.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One recording as a list shows it.
 *
 * @param callId the call id
 * @param service the service called
 * @param start when the call started
 * @param duration how long it lasted
 * @param banking whether the service is a banking service (R8)
 * @param caller the caller's number in E.164, or {@code null}; the web API masks it for all but
 *     compliance
 * @param retentionClass the retention class
 * @param retainUntil the end of retention
 * @param legalHold whether a legal hold keeps it
 */
public record RecordingSummary(
        String callId,
        String service,
        Instant start,
        Duration duration,
        boolean banking,
        String caller,
        String retentionClass,
        Instant retainUntil,
        boolean legalHold) {

    public RecordingSummary {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(service, "service");
    }
}
