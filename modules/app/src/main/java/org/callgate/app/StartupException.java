package org.callgate.app;

/**
 * callgate cannot start, or a command cannot open what it works on: the store, the index, the
 * recording spool, the prompts or the SIP port. The message names which, where and why, in one
 * line for the operator; the cause keeps the module's own exception (a {@code StoreException},
 * an {@code IndexInUseException}, a {@code SipGatewayException}) for the log.
 */
public final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
