package org.callgate.sip.stack;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sip.message.Request;

/**
 * Lets a request that lacks a mandatory header (RFC 3261 §8.1.1) be answered with {@code 400}
 * instead of vanishing. The RI silently drops such requests before any application hook runs; this
 * parser fills in the missing headers with placeholders and marks the request with {@link
 * #MALFORMED}, so that {@link GuardValve} can answer it with a reason phrase naming what was
 * missing. A request without Via is left alone: there is nowhere to send a response (§18.2.2).
 */
public final class RepairingParserFactory implements MessageParserFactory {

    /** Marker header carrying the reason a request is malformed; never leaves callgate. */
    public static final String MALFORMED = "X-Callgate-Malformed";

    /**
     * Marker header of a datagram that filled the stack's read buffer ({@link
     * StackProperties#READ_LIMIT_BYTES}): it was probably cut there, so its body is not read and
     * {@link GuardValve} answers it {@code 513}; never leaves callgate.
     */
    public static final String TRUNCATED = "X-Callgate-Truncated";

    /**
     * Marker header carrying the SIP version of a Request-Line that is not SIP/2.0: the RI reads any
     * version as 2.0, so {@link Conformance} could not otherwise answer {@code 505}; never leaves
     * callgate.
     */
    public static final String VERSION = "X-Callgate-Version";

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new RepairingParser();
    }

    static final class RepairingParser extends StringMsgParser {

        @Override
        public SIPMessage parseSIPMessage(
                byte[] message, boolean readBody, boolean strict, ParseExceptionListener listener)
                throws ParseException {
            boolean truncated = message.length >= StackProperties.READ_LIMIT_BYTES;
            List<String> bad = new ArrayList<>();
            SIPMessage parsed =
                    super.parseSIPMessage(message, readBody && !truncated, strict, keepingBad(listener, bad));
            if (parsed instanceof SIPRequest request && request.getViaHeaders() != null) {
                repair(request);
                if (!bad.isEmpty()) {
                    mark(request, "Bad Request (" + bad.get(0) + ")");
                }
                String version = HeaderLines.requestVersion(message);
                if (!version.equalsIgnoreCase("SIP/2.0")) {
                    ExtensionHeaderImpl marker = new ExtensionHeaderImpl(VERSION);
                    marker.setValue(version);
                    request.setHeader(marker);
                }
                java.util.Optional<String> problem = HeaderLines.problem(message);
                if (request.getHeader(MALFORMED) == null && problem.isPresent()) {
                    mark(request, problem.get());
                }
                if (truncated) {
                    ExtensionHeaderImpl marker = new ExtensionHeaderImpl(TRUNCATED);
                    marker.setValue(Integer.toString(message.length));
                    request.setHeader(marker);
                }
            }
            return parsed;
        }

        /**
         * A request whose CSeq cannot be parsed (RFC 4475 §3.1.2.3: a number beyond 2^31) is kept,
         * the header recorded in {@code bad}, so that {@link #repair} stands in for it and {@link
         * GuardValve} answers 400, with the header and the parser's reason, on whatever transport
         * it came. The RI's own handling answered it on UDP but dropped it on its blocking TCP
         * transport ({@link BlockingStreams}). Other broken headers keep the RI's handling, which
         * answers the packet's source rather than its Via.
         */
        private static ParseExceptionListener keepingBad(ParseExceptionListener listener, List<String> bad) {
            ParseExceptionListener rest = singleLine(listener);
            return (ex, message, headerClass, headerText, messageText) -> {
                if (headerClass == CSeq.class && message instanceof SIPRequest) {
                    bad.add(oneLine(ex.getMessage()));
                } else if (rest != null) {
                    rest.handleException(ex, message, headerClass, headerText, messageText);
                }
            };
        }

        /**
         * The RI answers a broken mandatory header with 400 and the header text as reason
         * phrase, line break included, which makes the response itself malformed; hand it the
         * header on one line.
         */
        private static ParseExceptionListener singleLine(ParseExceptionListener listener) {
            if (listener == null) {
                return null;
            }
            return (ex, message, headerClass, headerText, messageText) -> listener.handleException(
                    new ParseException(oneLine(ex.getMessage()), ex.getErrorOffset()),
                    message,
                    headerClass,
                    oneLine(headerText),
                    messageText);
        }

        private static String oneLine(String text) {
            return text == null
                    ? null
                    : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        }

        private static void repair(SIPRequest request) throws ParseException {
            List<String> missing = new ArrayList<>();
            if (request.getCSeq() == null) {
                missing.add("CSeq");
                request.setHeader(new CSeq(1L, request.getMethod()));
            }
            if (request.getCallId() == null) {
                missing.add("Call-ID");
                request.setHeader(new CallID("malformed-" + UUID.randomUUID()));
            }
            if (request.getFrom() == null) {
                missing.add("From");
                request.setHeader(new StringMsgParser()
                        .parseSIPMessage(
                                "OPTIONS sip:x SIP/2.0\r\nFrom: <sip:malformed.invalid>;tag=0\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII),
                                false,
                                false,
                                null)
                        .getFrom());
            }
            if (request.getTo() == null) {
                missing.add("To");
                request.setHeader(new StringMsgParser()
                        .parseSIPMessage(
                                "OPTIONS sip:x SIP/2.0\r\nTo: <sip:malformed.invalid>\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII),
                                false,
                                false,
                                null)
                        .getTo());
            }
            if (Request.INVITE.equals(request.getMethod())
                    && request.getContactHeader() == null
                    && request.getFrom() != null) {
                // RFC 2543 did not require it (RFC 4475 §3.3.5); its target was the From URI (RFC 3261 §12.1.1)
                Contact contact = new Contact();
                contact.setAddress((javax.sip.address.Address)
                        request.getFrom().getAddress().clone());
                request.setHeader(contact);
            }
            if (request.getMaxForwards() == null) {
                // RFC 2543 had none (RFC 4475 §3.3.5): take the default a request would carry (§8.1.1.6)
                try {
                    request.setHeader(new MaxForwards(70));
                } catch (javax.sip.InvalidArgumentException e) {
                    throw new IllegalStateException("70 is a valid Max-Forwards", e);
                }
            }
            if (!missing.isEmpty()) {
                mark(request, "Missing " + String.join(", ", missing) + " Header");
            }
        }

        private static void mark(SIPRequest request, String problem) throws ParseException {
            ExtensionHeaderImpl marker = new ExtensionHeaderImpl(MALFORMED);
            marker.setValue(problem);
            request.setHeader(marker);
        }
    }
}
