package org.callgate.sip.sdp;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.callgate.core.media.AudioCodec;

/**
 * Session descriptions callgate writes as an endpoint of its own (RFC 3264): its offer to an
 * agent queue or to a late-offer caller, and its answer when it takes the caller's call itself to
 * run the IVR. Only G.711 and telephone-event are ever offered or accepted.
 */
public final class SdpOffers {

    /** A static payload type number; compiled once, read for every offer's formats. */
    private static final Pattern PAYLOAD_TYPE = Pattern.compile("\\d+");

    private SdpOffers() {}

    /** An offer of the given codecs, in preference order, plus telephone-event when {@code telephoneEvent >= 0}. */
    public static String offer(
            InetAddress address, int port, SdpOrigin origin, List<AudioCodec> codecs, int telephoneEvent) {
        return header(address, origin) + audioSection(port, codecs, telephoneEvent, Direction.SENDRECV);
    }

    /** callgate's default offer: PCMA, PCMU and telephone-event on 101. */
    public static String offer(InetAddress address, int port, SdpOrigin origin) {
        return offer(address, port, origin, List.of(AudioCodec.PCMA, AudioCodec.PCMU), 101);
    }

    /**
     * Picks from a peer's offer (or answer) the first G.711 codec it lists and its
     * telephone-event payload type.
     *
     * @throws SdpException (not acceptable) when there is no G.711 audio
     */
    public static Negotiated negotiate(Sdp sdp) throws SdpException {
        MediaDescription audio = sdp.audio().orElseThrow(() -> SdpException.notAcceptable("No audio stream in SDP"));
        AudioCodec codec = null;
        int telephoneEvent = -1;
        for (String format : audio.formats()) {
            String encoding = audio.encodingOf(format);
            if (codec == null && PAYLOAD_TYPE.matcher(format).matches()) {
                AudioCodec candidate = AudioCodec.ofPayloadType(Integer.parseInt(format));
                if (candidate != null
                        && (encoding == null || encoding.regionMatches(true, 0, candidate.name(), 0, 4))) {
                    codec = candidate;
                }
            }
            if (telephoneEvent < 0
                    && encoding != null
                    && encoding.regionMatches(true, 0, "telephone-event/8000", 0, 20)) {
                telephoneEvent = Integer.parseInt(format);
            }
        }
        if (codec == null) {
            throw SdpException.notAcceptable("No common codec: callgate relays PCMA and PCMU");
        }
        return new Negotiated(codec, telephoneEvent);
    }

    /**
     * callgate's answer to a caller's offer when callgate itself terminates the call for the IVR:
     * the negotiated codec and telephone-event only, other streams refused with port 0 (RFC 3264 §6).
     */
    public static String answer(Sdp offer, Negotiated chosen, InetAddress address, int port, SdpOrigin origin) {
        return answer(offer, chosen, address, port, origin, Direction.of(offer).answer());
    }

    /** The same, with the answer's direction given: a hold (sendonly offer) is answered recvonly. */
    public static String answer(
            Sdp offer, Negotiated chosen, InetAddress address, int port, SdpOrigin origin, Direction direction) {
        StringBuilder out = new StringBuilder(header(address, origin));
        MediaDescription audio = offer.audio().orElseThrow();
        for (MediaDescription section : offer.media()) {
            if (section != audio) {
                out.append("m=")
                        .append(section.type())
                        .append(" 0 ")
                        .append(section.proto())
                        .append(' ')
                        .append(String.join(" ", section.formats()))
                        .append("\r\n");
                continue;
            }
            out.append(audioSection(port, List.of(chosen.codec()), chosen.telephoneEvent(), direction));
        }
        return out.toString();
    }

    private static String audioSection(int port, List<AudioCodec> codecs, int telephoneEvent, Direction direction) {
        StringBuilder m = new StringBuilder("m=audio ").append(port).append(" RTP/AVP");
        StringBuilder attributes = new StringBuilder();
        for (AudioCodec codec : codecs) {
            m.append(' ').append(codec.payloadType());
            attributes
                    .append("a=rtpmap:")
                    .append(codec.payloadType())
                    .append(' ')
                    .append(codec.name())
                    .append("/8000\r\n");
        }
        if (telephoneEvent >= 0) {
            m.append(' ').append(telephoneEvent);
            attributes
                    .append("a=rtpmap:")
                    .append(telephoneEvent)
                    .append(" telephone-event/8000\r\n")
                    .append("a=fmtp:")
                    .append(telephoneEvent)
                    .append(" 0-16\r\n");
        }
        return m + "\r\n" + attributes + "a=ptime:20\r\n" + direction.attribute() + "\r\n";
    }

    private static String header(InetAddress address, SdpOrigin origin) {
        return "v=0\r\n" + origin.next(address) + "\r\ns=callgate\r\nc=IN " + SdpOrigin.family(address) + " "
                + address.getHostAddress() + "\r\nt=0 0\r\n";
    }
}
