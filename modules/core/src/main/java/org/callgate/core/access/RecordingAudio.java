package org.callgate.core.access;

import java.io.InputStream;
import java.util.Objects;

/**
 * Part of a recording's audio: the whole file's size, its content type and a stream of the bytes
 * asked for, which the caller closes.
 */
public record RecordingAudio(long size, String contentType, InputStream in) {

    public RecordingAudio {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(in, "in");
    }
}
