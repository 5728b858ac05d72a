package org.callgate.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four customer-service lines of the default profile (R5) with their IVRs, each to queues on
 * the local platform. The shipped {@code config/callgate.yaml} spells out the same lines and a
 * test keeps the two equal.
 *
 * <p>Every line asks Dutch, French or English, greets the caller, gives the recording notice
 * (R7) and reads its menu; {@code 0} reaches an agent on every line and {@code *} repeats the
 * menu (R15). Option 1 of the private line is the banking service Postinfo: its own queue, the
 * {@code banking} service (R3, R8) and an announcement heard in full before routing.
 */
final class DefaultServiceLines {

    private static final String QUEUE_HOST = "127.0.0.1:5070";
    private static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    private DefaultServiceLines() {}

    static List<ServiceLineConfig> lines() {
        return List.of(
                line(
                        "private",
                        "Private customers",
                        "02 278 50 44",
                        MenuOptionConfig.queue(queue("banking"), "banking", "banking-recorded"),
                        MenuOptionConfig.queue(queue("private"))),
                line(
                        "business",
                        "Business customers",
                        "02 201 11 11",
                        MenuOptionConfig.queue(queue("business-parcels")),
                        MenuOptionConfig.queue(queue("business-invoices"))),
                line(
                        "riziv-inami",
                        "RIZIV/INAMI orders",
                        "02 274 09 34",
                        MenuOptionConfig.queue(queue("riziv-inami-orders"))),
                line(
                        "traffic-fines",
                        "Traffic fines",
                        "02 278 55 60",
                        MenuOptionConfig.queue(queue("traffic-fines-payment")),
                        MenuOptionConfig.queue(queue("traffic-fines-disputes"))));
    }

    /** A line whose menu offers {@code choices} on keys 1, 2, …, then agent on 0 and repeat on *. */
    private static ServiceLineConfig line(String id, String name, String number, MenuOptionConfig... choices) {
        Map<String, MenuOptionConfig> options = new LinkedHashMap<>();
        for (int i = 0; i < choices.length; i++) {
            options.put(Integer.toString(i + 1), choices[i]);
        }
        options.put("0", MenuOptionConfig.action(MenuOptionConfig.AGENT));
        options.put("*", MenuOptionConfig.action(MenuOptionConfig.REPEAT));
        IvrConfig ivr = new IvrConfig(
                LANGUAGES,
                "language",
                "welcome-" + id,
                "recording-notice",
                new MenuConfig("menu-" + id, options),
                IvrConfig.DEFAULT_NO_INPUT,
                IvrConfig.DEFAULT_RETRIES,
                new SmsOfferConfig("9", "sms-offer", "sms-sent", smsText(id)),
                null,
                null);
        return new ServiceLineConfig(id, name, number, queue(id), ivr);
    }

    /** R9: the answer online, one page per line. */
    static String smsText(String id) {
        return "Find the answer online: https://help.example.be/" + id;
    }

    private static String queue(String user) {
        return "sip:" + user + "@" + QUEUE_HOST;
    }
}
