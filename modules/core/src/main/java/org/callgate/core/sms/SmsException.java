package org.callgate.core.sms;

/** A message could not be handed over; the message says where and why. */
public class SmsException extends Exception {

    public SmsException(String message) {
        super(message);
    }

    public SmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
