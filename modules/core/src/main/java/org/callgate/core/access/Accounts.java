package org.callgate.core.access;

/** The users who may log in: checks a name and password, with login throttling. */
@FunctionalInterface
public interface Accounts {

    /**
     * Checks a login attempt and counts it for throttling.
     *
     * @param name the name as typed
     * @param password the password as typed; the caller clears it afterwards
     * @param remoteAddress the client's IP address, for the per-address throttle
     */
    Authentication authenticate(String name, char[] password, String remoteAddress);
}
