package org.callgate.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * SIPp scenarios for IVR calls, written per run (tests and {@code callgate demo}): a caller that
 * presses keys (RFC 4733 events from SIPp's DTMF pcaps, or SIP INFO), and an agent queue that
 * checks the headers callgate sends on the agent leg.
 */
final class IvrScenarios {

    private final StringBuilder steps = new StringBuilder();
    private int cseq = 1;

    /** A key as RFC 4733 telephone-events (payload type 101), then a short pause. */
    IvrScenarios rfc4733(char key) {
        String name = key == '*' ? "star" : key == '#' ? "pound" : String.valueOf(key);
        steps.append(String.format(Locale.ROOT, """
                  <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_%s.pcap"/></action></nop>
                  <pause milliseconds="700"/>
                """, name));
        return this;
    }

    /** A key as SIP INFO with an application/dtmf-relay body. */
    IvrScenarios info(char key) {
        cseq++;
        steps.append(String.format(Locale.ROOT, """
                  <send retrans="500">
                    <![CDATA[
                      INFO [next_url] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
                      From: "Caller" <sip:0475123456@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                      [last_To:]
                      Call-ID: [call_id]
                      CSeq: %d INFO
                      Max-Forwards: 70
                      Content-Type: application/dtmf-relay
                      Content-Length: [len]

                      Signal=%c
                      Duration=160
                    ]]>
                  </send>
                  <recv response="200"/>
                  <pause milliseconds="300"/>
                """, cseq, key));
        return this;
    }

    /**
     * An offer in the dialog, by re-INVITE or UPDATE (RFC 3311), with audio in {@code direction}
     * ({@code sendonly} holds, {@code sendrecv} resumes); callgate's 200 must answer {@code
     * answered}. A re-INVITE's 200 is acknowledged.
     */
    IvrScenarios offer(String method, String direction, String answered) {
        cseq++;
        steps.append(String.format(Locale.ROOT, """
                  <send retrans="500">
                    <![CDATA[
                      %1$s [next_url] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
                      From: "Caller" <sip:0475123456@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                      [last_To:]
                      Call-ID: [call_id]
                      CSeq: %2$d %1$s
                      Contact: <sip:caller@[local_ip]:[local_port];transport=[transport]>
                      Max-Forwards: 70
                      Content-Type: application/sdp
                      Content-Length: [len]

                      v=0
                      o=caller 53655765 %2$d IN IP[local_ip_type] [local_ip]
                      s=-
                      c=IN IP[media_ip_type] [media_ip]
                      t=0 0
                      m=audio [media_port] RTP/AVP 8 101
                      a=rtpmap:8 PCMA/8000
                      a=rtpmap:101 telephone-event/8000
                      a=%3$s

                    ]]>
                  </send>
                  <recv response="100" optional="true"/>
                  <recv response="200">
                    <action>
                      <ereg regexp="a=%4$s" search_in="body" check_it="true" assign_to="dummy"/>
                    </action>
                  </recv>
                """, method, cseq, direction, answered));
        if ("INVITE".equals(method)) {
            steps.append(String.format(Locale.ROOT, """
                      <send>
                        <![CDATA[
                          ACK [next_url] SIP/2.0
                          Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
                          From: "Caller" <sip:0475123456@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                          [last_To:]
                          Call-ID: [call_id]
                          CSeq: %d ACK
                          Max-Forwards: 70
                          Content-Length: 0

                        ]]>
                      </send>
                    """, cseq));
        }
        return this;
    }

    /** Starts 7 s of G.711 A-law speech towards callgate (SIPp's g711a.pcap), in the background. */
    IvrScenarios audio() {
        steps.append("  <nop><action><exec play_pcap_audio=\"/usr/share/sip-tester/g711a.pcap\"/></action></nop>\n");
        return this;
    }

    IvrScenarios pause(int millis) {
        steps.append("  <pause milliseconds=\"").append(millis).append("\"/>\n");
        return this;
    }

    /** The caller: call, the steps, then wait for the agent's BYE. */
    Path caller(Path dir, String name) throws IOException {
        String xml = resource("uac-wait-bye.xml");
        int anchor = xml.indexOf("  <nop>");
        int end = xml.indexOf("</nop>", anchor) + "</nop>\n".length();
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, xml.substring(0, anchor) + steps + xml.substring(end));
        return file;
    }

    /**
     * An agent placing a callback through callgate from a service line (R5): the caller scenario
     * with the line's number as From, playing audio, waiting for the far end's BYE.
     */
    static Path callback(Path dir, String name, String lineNumber) throws IOException {
        String xml = resource("uac-wait-bye.xml").replace("<sip:0475123456@", "<sip:" + lineNumber + "@");
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, xml);
        return file;
    }

    /** An agent queue that answers, checks callgate's headers, and hangs up after -d ms. */
    static Path agentExpecting(Path dir, String name, Map<String, String> headers) throws IOException {
        String xml = resource("uas-hangup.xml");
        StringBuilder checks = new StringBuilder();
        headers.forEach((header, value) -> checks.append("      <ereg regexp=\"")
                .append(header)
                .append(": ")
                .append(value)
                .append("\" search_in=\"msg\" check_it=\"true\" assign_to=\"dummy\"/>\n"));
        String anchor = "      <ereg regexp=\"X-Callgate-Call-Id";
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, xml.replace(anchor, checks + anchor));
        return file;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IvrScenarios.class.getResourceAsStream("/sipp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
