package org.callgate.bench;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/** One {@link IvrLoad} caller's state; the RTP fields are written by the selector thread only. */
final class IvrCaller {
    final int index;
    final String callId;
    final String fromTag;
    final DatagramChannel rtp;
    String invite;
    volatile boolean responded;
    volatile long okNs;
    volatile boolean failed;
    volatile String toHeader;
    volatile InetSocketAddress remoteRtp;
    volatile long dtmfSentNs;
    volatile boolean byeAnswered;
    volatile String agentPath;
    volatile String agentUser;
    int packets;
    int otherPayload;
    int afterDtmf;
    long lastNs;

    IvrCaller(int index, DatagramChannel rtp) {
        this.index = index;
        this.callId = "ivrload-" + index + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        this.fromTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
        this.rtp = rtp;
    }
}
