package org.callgate.core.sms;

import java.time.Instant;
import java.util.Objects;
import org.callgate.core.PhoneNumber;

/**
 * A text message with a link, offered to a mobile caller so they can find the answer without
 * waiting longer (R9).
 *
 * @param id unique id, also the idempotency key a gateway can use to drop duplicates
 * @param callId the call during which the caller asked for it (R1: part of the call trace)
 * @param to the caller's mobile number
 * @param serviceLine the line called
 * @param language the caller's language
 * @param text the message text, link included
 * @param createdAt when the caller pressed the key
 */
public record SmsMessage(
        String id, String callId, PhoneNumber to, String serviceLine, String language, String text, Instant createdAt) {

    public SmsMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(serviceLine, "serviceLine");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
