package org.callgate.core.media;

/** No media session could be opened: the port range is exhausted or a socket failed to bind. */
public class MediaUnavailableException extends Exception {

    public MediaUnavailableException(String message) {
        super(message);
    }

    public MediaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
