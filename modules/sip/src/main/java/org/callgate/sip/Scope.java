package org.callgate.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.Optional;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceDirectory;
import org.callgate.core.ServiceLine;

/**
 * Whether an INVITE is in callgate's scope (R5): a call to one of the service lines, or a
 * callback an agent places from one, which is then that line's call for every later rule.
 *
 * <p>A callback names its line by its From number, or states its service in {@value #SERVICE}:
 * a line's id ({@code private}) or a service a line's IVR menu routes to ({@code banking}, the
 * Postinfo option of the private line), so that a callback to a banking client is recorded and
 * kept as a banking call (R5, R8). Without the header the service is the calling line's id, as
 * for a call to that line without IVR. The header is read only on callbacks, which only the
 * platform's {@code outbound.allowed-sources} may place; on calls to a service line it is
 * ignored, so a caller cannot choose its own recording rule.
 */
final class Scope {

    /** What to do with an INVITE. */
    sealed interface Decision {
        record Inbound(ServiceLine line) implements Decision {}

        /** @param service the service the callback states, or the line's id */
        record Callback(ServiceLine line, String target, String customer, String service) implements Decision {}

        record Refused(int status, String reason) implements Decision {}
    }

    /** The header in which the platform states a callback's line or service. */
    static final String SERVICE = "X-Callgate-Service";

    private final ServiceDirectory directory;
    private final Outbound outbound;

    Scope(ServiceDirectory directory, Outbound outbound) {
        this.directory = directory;
        this.outbound = outbound;
    }

    Decision of(Request invite) {
        String dialled = InitialInviteHandler.dialledNumber(invite.getRequestURI());
        Optional<ServiceLine> line = directory.lookup(dialled);
        if (line.isPresent()) {
            return new Decision.Inbound(line.get());
        }
        String stated = statedService(invite);
        Optional<ServiceLine> from = outbound.enabled() ? callingLine(invite, stated) : Optional.empty();
        if (from.isEmpty()) {
            return new Decision.Refused(Response.NOT_FOUND, "No Such Service Number");
        }
        if (!outbound.allows(((SIPMessage) invite).getRemoteAddress())) {
            return new Decision.Refused(Response.FORBIDDEN, "Callbacks Only From The Platform");
        }
        Optional<PhoneNumber> customer = PhoneNumber.tryParse(dialled);
        if (customer.isEmpty()) {
            return new Decision.Refused(Response.ADDRESS_INCOMPLETE, "Not A Telephone Number");
        }
        return new Decision.Callback(
                from.get(),
                outbound.uriFor(customer.get().e164()),
                customer.get().e164(),
                stated == null ? from.get().id() : stated);
    }

    /** The line a callback is placed from: the one it states, or the one its From number is. */
    private Optional<ServiceLine> callingLine(Request invite, String stated) {
        if (stated != null) {
            return directory.lines().stream()
                    .filter(line -> line.id().equals(stated) || ServiceLines.offers(line, stated))
                    .findFirst();
        }
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        return directory.lookup(
                InitialInviteHandler.dialledNumber(from.getAddress().getURI()));
    }

    private static String statedService(Request invite) {
        Header service = invite.getHeader(SERVICE);
        if (service == null) {
            return null;
        }
        String text = service.toString();
        return text.substring(text.indexOf(':') + 1).trim();
    }
}
