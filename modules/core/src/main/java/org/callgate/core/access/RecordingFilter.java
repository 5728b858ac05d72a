package org.callgate.core.access;

import java.time.Instant;

/**
 * What to look for among recordings; a {@code null} field does not filter.
 *
 * @param service the service name
 * @param from calls started at or after
 * @param to calls started before
 * @param number the caller's number in E.164
 * @param dossier the dossier number
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 */
public record RecordingFilter(String service, Instant from, Instant to, String number, String dossier, int limit) {

    public static final int MAX_LIMIT = 200;

    public RecordingFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }
}
