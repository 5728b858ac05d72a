package org.callgate.sip;

/** The SIP side could not start; the message names the address and the reason. */
public final class SipGatewayException extends Exception {

    public SipGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
