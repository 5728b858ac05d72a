package org.callgate.app;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.Callbacks;
import org.callgate.sip.SipGateway;

/**
 * Callbacks from the web UI (R5) over the SIP gateway's click-to-dial REFER: the line must be one
 * of the configured service lines, the number a telephone number; the SIP side checks the phone's
 * address against {@code outbound.allowed-sources} (docs/ivr.md, "Callbacks").
 */
final class WebCallbacks {

    /** Longer than SIP's own give-up (Timer F, 32 s), which answers 408 first. */
    private static final long WAIT_SECONDS = 40;

    private WebCallbacks() {}

    static Callbacks over(SipGateway sip, Set<String> lines) {
        Set<String> known = Set.copyOf(lines);
        return (phone, number, service) -> {
            if (!known.contains(service)) {
                throw new IllegalArgumentException("no service line '" + service + "'; lines: " + known);
            }
            String e164 = PhoneNumber.parse(number).e164();
            try {
                int status = sip.clickToDial(phone, e164, service).get(WAIT_SECONDS, TimeUnit.SECONDS);
                return new Callbacks.Outcome(e164, status);
            } catch (TimeoutException e) {
                return new Callbacks.Outcome(e164, 408);
            } catch (ExecutionException e) {
                throw new IOException(
                        "the REFER could not be sent: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the phone", e);
            }
        };
    }
}
