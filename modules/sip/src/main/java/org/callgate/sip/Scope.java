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
 * callback an agent places from one (the line as caller, or named in {@code X-Callgate-Service}),
 * which is then that line's call for every later rule.
 */
final class Scope {

    /** What to do with an INVITE. */
    sealed interface Decision {
        record Inbound(ServiceLine line) implements Decision {}

        record Callback(ServiceLine line, String target, String customer) implements Decision {}

        record Refused(int status, String reason) implements Decision {}
    }

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
        Optional<ServiceLine> from = outbound.enabled() ? callingLine(invite) : Optional.empty();
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
                customer.get().e164());
    }

    private Optional<ServiceLine> callingLine(Request invite) {
        Header service = invite.getHeader("X-Callgate-Service");
        if (service != null) {
            String id = service.toString()
                    .substring(service.toString().indexOf(':') + 1)
                    .trim();
            return directory.lines().stream()
                    .filter(line -> line.id().equals(id))
                    .findFirst();
        }
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        return directory.lookup(
                InitialInviteHandler.dialledNumber(from.getAddress().getURI()));
    }
}
