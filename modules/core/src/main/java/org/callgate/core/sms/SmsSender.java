package org.callgate.core.sms;

/**
 * Hands text messages to whatever delivers them: a local outbox file by default, an SMS gateway's
 * HTTP webhook in production. Implementations are thread-safe and may block (they are called on a
 * virtual thread, never on a media or SIP thread).
 */
public interface SmsSender {

    /**
     * Delivers or durably queues one message.
     *
     * @throws SmsException when it could not be handed over; the caller logs it in the call trace
     */
    void send(SmsMessage message) throws SmsException;
}
