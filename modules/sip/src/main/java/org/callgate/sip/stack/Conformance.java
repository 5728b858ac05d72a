package org.callgate.sip.stack;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What RFC 3261 §8.2 asks a UAS to check of a request before anything else, in its order, and
 * the answer when the check fails: a version other than SIP/2.0 ({@code 505}, §21.5.14),
 * a Request-URI scheme callgate does not serve ({@code 416}, §8.2.2.1), an extension in
 * {@code Require} it does not support ({@code 420} with {@code Unsupported}, §8.2.2.3), and for an
 * INVITE a body that is not SDP ({@code 415} with {@code Accept}, §8.2.3). RFC 4475 §3.1.2.15,
 * §3.3.7, §3.3.8, §3.3.10 and §3.3.11 are these cases. ACK is never answered, and CANCEL's
 * {@code Require} is not looked at (§9.1).
 */
final class Conformance {

    /** A request refused: the status, its reason phrase and the headers the status asks for. */
    record Refusal(int status, String reason, List<ExtensionHeaderImpl> headers) {}

    private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");
    /** The option tags callgate supports in Require: session timers (RFC 4028). */
    private static final Set<String> SUPPORTED = Set.of("timer");

    private Conformance() {}

    static Optional<Refusal> check(SIPRequest request) {
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return Optional.empty();
        }
        if (request.getHeader(RepairingParserFactory.VERSION) != null) {
            return Optional.of(new Refusal(Response.VERSION_NOT_SUPPORTED, "Version Not Supported", List.of()));
        }
        String scheme =
                request.getRequestURI() == null ? null : request.getRequestURI().getScheme();
        if (scheme != null && !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            return Optional.of(
                    new Refusal(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme: " + scheme, List.of()));
        }
        if (!Request.CANCEL.equals(method)) {
            List<String> unsupported = unsupported(request);
            if (!unsupported.isEmpty()) {
                return Optional.of(new Refusal(
                        Response.BAD_EXTENSION,
                        "Bad Extension",
                        List.of(header("Unsupported", String.join(", ", unsupported)))));
            }
        }
        if (Request.INVITE.equals(method) && !sdpOrNone(request)) {
            return Optional.of(new Refusal(
                    Response.UNSUPPORTED_MEDIA_TYPE,
                    "Only application/sdp bodies are accepted",
                    List.of(header("Accept", "application/sdp"))));
        }
        return Optional.empty();
    }

    private static List<String> unsupported(SIPRequest request) {
        List<String> tags = new ArrayList<>();
        ListIterator<?> requires = request.getHeaders(RequireHeader.NAME);
        while (requires != null && requires.hasNext()) {
            String tag = ((RequireHeader) requires.next()).getOptionTag();
            if (tag != null && !SUPPORTED.contains(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static boolean sdpOrNone(SIPRequest request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type == null
                || "application".equalsIgnoreCase(type.getContentType())
                        && "sdp".equalsIgnoreCase(type.getContentSubType());
    }

    private static ExtensionHeaderImpl header(String name, String value) {
        ExtensionHeaderImpl header = new ExtensionHeaderImpl(name);
        header.setValue(value);
        return header;
    }
}
