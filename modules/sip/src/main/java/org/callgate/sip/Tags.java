package org.callgate.sip;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random tags and call ids: globally unique and unguessable (RFC 3261 §19.3, §8.1.1.4). */
final class Tags {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tags() {}

    static String next() {
        return hex(6);
    }

    static String callId() {
        return hex(12);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
