package org.callgate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * SIPp scenarios for session timers (RFC 4028), written per run: a caller that asks for an
 * interval, refreshes it by re-INVITE a given number of times and hangs up, or stops refreshing
 * and waits for callgate's BYE; and an agent queue that answers the refreshes relayed to it.
 */
final class SessionTimerScenarios {

    private static final String SDP = """
                  v=0
                  o=%1$s 53655765 %2$d IN IP[local_ip_type] [local_ip]
                  s=-
                  c=IN IP[media_ip_type] [media_ip]
                  t=0 0
                  m=audio [media_port] RTP/AVP 8 101
                  a=rtpmap:8 PCMA/8000
                  a=rtpmap:101 telephone-event/8000
                  a=sendrecv
            """;

    private static final String CALLER_INVITE = """
              <send retrans="500">
                <![CDATA[
                  INVITE %1$s SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
                  From: "Caller" <sip:0475123456@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                  %2$s
                  Call-ID: [call_id]
                  CSeq: %3$d INVITE
                  Contact: <sip:caller@[local_ip]:[local_port];transport=[transport]>
                  Max-Forwards: 70
                  Supported: timer
                  Session-Expires: %4$d;refresher=uac
                  Content-Type: application/sdp
                  Content-Length: [len]

            %5$s
                ]]>
              </send>
              <recv response="100" optional="true"/>
              <recv response="180" optional="true"/>
              <recv response="200" rrs="true">
                <action>
                  <ereg regexp="Session-Expires: %4$d;refresher=uac" search_in="msg" check_it="true" assign_to="dummy"/>
                </action>
              </recv>
            """ + inDialog("ACK", "%3$d ACK", "");

    private SessionTimerScenarios() {}

    /** A caller asking for {@code interval}, refreshing {@code refreshes} times every {@code every}, then BYE. */
    static Path refreshingCaller(Path dir, Duration interval, int refreshes, Duration every, Duration last)
            throws IOException {
        StringBuilder steps = new StringBuilder(callerInvite(1, interval));
        for (int i = 0; i < refreshes; i++) {
            steps.append(pause(every)).append(callerInvite(i + 2, interval));
        }
        steps.append(pause(last))
                .append(inDialog("BYE", (refreshes + 2) + " BYE", ""))
                .append("  <recv response=\"200\" crlf=\"true\"/>\n");
        return write(dir, "refreshing-caller", "caller: session timer refresher", steps);
    }

    /** A caller asking for {@code interval} that never refreshes, and answers callgate's BYE. */
    static Path silentCaller(Path dir, Duration interval, Duration byeWithin) throws IOException {
        String steps = callerInvite(1, interval) + "  <recv request=\"BYE\" timeout=\"" + byeWithin.toMillis()
                + "\"/>\n" + okToLast();
        return write(dir, "silent-caller", "caller: stops refreshing", new StringBuilder(steps));
    }

    /**
     * An agent queue that answers the INVITE (which must ask for {@code interval}) stating that it
     * refreshes its leg, answers the
     * {@code refreshes} re-INVITEs relayed to it (each must carry Session-Expires), then BYE.
     */
    static Path agent(Path dir, Duration interval, int refreshes) throws IOException {
        String expires = "Session-Expires: " + interval.toSeconds() + ";refresher=uas";
        String check = "      <action><ereg regexp=\"Session-Expires: " + interval.toSeconds()
                + "\" search_in=\"msg\" check_it=\"true\" assign_to=\"dummy\"/></action>\n";
        StringBuilder steps = new StringBuilder(agentAnswer(expires, 1, check)).append("  <recv request=\"ACK\"/>\n");
        for (int i = 0; i < refreshes; i++) {
            steps.append(agentAnswer(expires, i + 2, check)).append("  <recv request=\"ACK\"/>\n");
        }
        steps.append("  <recv request=\"BYE\"/>\n").append(okToLast());
        return write(dir, "timer-agent", "agent queue: answers session refreshes", steps);
    }

    private static String callerInvite(int cseq, Duration interval) {
        String uri = cseq == 1 ? "sip:[service]@[remote_ip]:[remote_port]" : "[next_url]";
        String to = cseq == 1 ? "To: <sip:[service]@[remote_ip]:[remote_port]>" : "[last_To:]";
        return String.format(
                Locale.ROOT,
                CALLER_INVITE,
                uri,
                to,
                cseq,
                interval.toSeconds(),
                String.format(Locale.ROOT, SDP, "caller", cseq));
    }

    private static String agentAnswer(String expires, int version, String check) {
        return "  <recv request=\"INVITE\" crlf=\"true\" rrs=\"true\">\n" + check + "  </recv>\n"
                + "  <send retrans=\"500\">\n    <![CDATA[\n      SIP/2.0 200 OK\n      [last_Via:]\n      [last_From:]\n"
                + "      [last_To:];tag=[pid]SIPpTag01[call_number]\n      [last_Call-ID:]\n      [last_CSeq:]\n"
                + "      Contact: <sip:agent@[local_ip]:[local_port];transport=[transport]>\n      " + expires + "\n"
                + "      Content-Type: application/sdp\n      Content-Length: [len]\n\n"
                + String.format(Locale.ROOT, SDP, "agent", version) + "\n    ]]>\n  </send>\n";
    }

    private static String inDialog(String method, String cseq, String extra) {
        return "  <send" + ("ACK".equals(method) ? "" : " retrans=\"500\"") + ">\n    <![CDATA[\n      " + method
                + " [next_url] SIP/2.0\n      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport\n"
                + "      From: \"Caller\" <sip:0475123456@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]\n"
                + "      [last_To:]\n      Call-ID: [call_id]\n      CSeq: " + cseq + "\n      Max-Forwards: 70\n"
                + extra
                + "      Content-Length: 0\n\n    ]]>\n  </send>\n";
    }

    private static String okToLast() {
        return "  <send>\n    <![CDATA[\n      SIP/2.0 200 OK\n      [last_Via:]\n      [last_From:]\n      [last_To:]\n"
                + "      [last_Call-ID:]\n      [last_CSeq:]\n      Content-Length: 0\n\n    ]]>\n  </send>\n";
    }

    private static String pause(Duration time) {
        return "  <pause milliseconds=\"" + time.toMillis() + "\"/>\n";
    }

    private static Path write(Path dir, String name, String title, StringBuilder steps) throws IOException {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(
                file,
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<!DOCTYPE scenario SYSTEM \"sipp.dtd\">\n"
                        + "<scenario name=\"" + title + "\">\n" + steps
                        + "  <Reference variables=\"dummy\"/>\n</scenario>\n");
        return file;
    }
}
