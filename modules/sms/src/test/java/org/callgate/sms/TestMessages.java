package org.callgate.sms;

import java.time.Instant;
import org.callgate.core.PhoneNumber;
import org.callgate.core.sms.SmsMessage;

/** Messages for the tests: a Belgian mobile caller of the private line (R9). */
final class TestMessages {

    static final String NUMBER = "+32470123456";
    static final String TEXT = "Volg uw pakket: https://track.example/3SABC123";
    static final Instant CREATED = Instant.parse("2026-11-25T10:15:30Z");

    private TestMessages() {}

    static SmsMessage message(String id) {
        return new SmsMessage(id, "call-" + id, PhoneNumber.parse(NUMBER), "private", "nl", TEXT, CREATED);
    }

    static SmsMessage withText(String id, String text) {
        return new SmsMessage(id, "call-" + id, PhoneNumber.parse(NUMBER), "private", "nl", text, CREATED);
    }
}
