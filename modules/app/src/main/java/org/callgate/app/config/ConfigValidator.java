package org.callgate.app.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules a bound configuration must meet before anything is started.
 *
 * <p>Binding only checks types; this checks meaning, so that a mistake shows up as one line at
 * start-up or in {@code callgate config check} instead of as a failed bind or a silent one-way
 * audio call hours later. Every rule reports the key, the value and why.
 */
final class ConfigValidator {

    private static final int MAX_PORT = 65_535;
    /** Below 1024 needs privileges on most systems, and SIP itself usually sits there. */
    private static final int MIN_RTP_PORT = 1024;
    /** One pair per call leg: the caller side and the agent side (R4 records both). */
    private static final int MIN_PORT_PAIRS = 2;

    private ConfigValidator() {}

    static List<Problem> validate(CallgateConfig config) {
        Problems problems = new Problems();
        sip(config.sip(), problems);
        media(config.media(), problems);
        if (problems.isEmpty()) {
            // Only between values that passed their own checks: a wrong range explains itself.
            portsApart(config.sip(), config.media(), problems);
        }
        calls(config.calls(), problems);
        ServiceLineRules.check(config.serviceLines(), problems);
        SmsRules.check(config.sms(), problems);
        OutboundRules.check(config.outbound(), problems);
        OutboundProxyRules.check(config, problems);
        RecordingRules.check(config.recording(), problems);
        StoreRules.check(config.store(), problems);
        PurgeConfig.check(config.purge(), problems);
        WebConfig.check(config.web(), problems);
        index(config.index(), problems);
        problems.require(
                !config.promptsDir().toString().isEmpty(),
                "prompts-dir",
                "",
                "must not be empty; leave the key out for " + CallgateConfig.DEFAULT_PROMPTS_DIR);
        return problems.list();
    }

    private static void sip(SipConfig sip, Problems problems) {
        Optional<InetAddress> listen = address("sip.listen-address", sip.listenAddress(), problems);
        if (sip.advertisedAddress() != null) {
            address("sip.advertised-address", sip.advertisedAddress(), problems)
                    .ifPresent(a -> problems.require(
                            !a.isAnyLocalAddress(),
                            "sip.advertised-address",
                            sip.advertisedAddress(),
                            "a wildcard address cannot be advertised; write the address peers reach"));
        } else if (listen.isPresent() && listen.get().isAnyLocalAddress()) {
            problems.add(Problem.of(
                    "sip.advertised-address",
                    null,
                    "required when listen-address is a wildcard: Via, Contact and SDP need a reachable address"));
        }
        port("sip.port", sip.port(), 1, problems);
        List<Transport> transports = sip.transports();
        problems.require(
                !transports.isEmpty(),
                "sip.transports",
                transports,
                "at least one transport is needed; allowed: " + Transport.allowed());
        problems.require(
                transports.stream().distinct().count() == transports.size(),
                "sip.transports",
                transports,
                "a transport is listed twice");
        SipTlsConfig.check(sip, problems);
    }

    private static void media(MediaConfig media, Problems problems) {
        address("media.address", media.address(), problems)
                .ifPresent(a -> problems.require(
                        !a.isAnyLocalAddress(),
                        "media.address",
                        media.address(),
                        "a wildcard address cannot be advertised in SDP; write the address peers send RTP to"));
        int min = media.rtpPortMin();
        int max = media.rtpPortMax();
        problems.require(
                min % 2 == 0,
                "media.rtp-port-min",
                min,
                "must be even: RTP takes the even port of a pair and RTCP the odd one above it (RFC 3550 §11)");
        port("media.rtp-port-min", min, MIN_RTP_PORT, problems);
        port("media.rtp-port-max", max, MIN_RTP_PORT, problems);
        if (problems.require(max > min, "media.rtp-port-max", max, "must be above rtp-port-min (" + min + ")")) {
            problems.require(
                    media.portPairs() >= MIN_PORT_PAIRS,
                    "media.rtp-port-max",
                    max,
                    "range " + min + "-" + max + " holds " + media.portPairs() + " RTP/RTCP port pair(s); at least "
                            + MIN_PORT_PAIRS + " are needed, one per call leg");
        }
        positive("media.inactivity-timeout", media.inactivityTimeout(), problems);
        problems.require(
                media.threads() >= 0, "media.threads", media.threads(), "must be 0 (one per processor) or more");
    }

    /** SIP and RTP both use UDP: a SIP port inside the RTP range would be handed to a call. */
    private static void portsApart(SipConfig sip, MediaConfig media, Problems problems) {
        InetAddress sipAddress = sip.listenInetAddress();
        boolean sameAddress = sipAddress.equals(media.inetAddress()) || sipAddress.isAnyLocalAddress();
        boolean inRange = sip.port() >= media.rtpPortMin() && sip.port() <= media.rtpPortMax();
        if (sameAddress && inRange) {
            problems.add(Problem.of(
                            "sip.port",
                            sip.port(),
                            "inside the RTP port range " + media.rtpPortMin() + "-" + media.rtpPortMax()
                                    + " (media.rtp-port-min, media.rtp-port-max) on the same address")
                    .near("media.rtp-port-min", "media.rtp-port-max", "media.address", "sip.listen-address"));
        }
    }

    /** SIP's T1 (RFC 3261 §17.1.1.1): a caller retransmits an unanswered INVITE after it. */
    private static final java.time.Duration T1 = java.time.Duration.ofMillis(500);

    private static void calls(CallsConfig calls, Problems problems) {
        problems.require(
                calls.maxConcurrent() >= 1, "calls.max-concurrent", calls.maxConcurrent(), "must be 1 or more");
        problems.require(
                calls.maxSetupRate() >= 0,
                "calls.max-setup-rate",
                calls.maxSetupRate(),
                "must be 0 (no limit) or more");
        if (positive("calls.retry-after", calls.retryAfter(), problems)) {
            problems.require(
                    calls.retryAfter().toMillis() % 1000 == 0,
                    "calls.retry-after",
                    calls.retryAfter(),
                    "Retry-After is sent in whole seconds (RFC 3261 §20.33)");
        }
        positive("calls.no-answer-timeout", calls.noAnswerTimeout(), problems);
        problems.require(
                !calls.overloadDelay().isNegative() && calls.overloadDelay().compareTo(T1) < 0,
                "calls.overload-delay",
                calls.overloadDelay(),
                "must be 0 (never refuse) or under SIP's T1 of 500ms, after which callers retransmit");
    }

    private static Optional<InetAddress> address(String path, String text, Problems problems) {
        Optional<InetAddress> address = IpLiterals.parse(text);
        problems.require(address.isPresent(), path, text, IpLiterals.REASON);
        return address;
    }

    private static void port(String path, int port, int lowest, Problems problems) {
        problems.require(port >= lowest && port <= MAX_PORT, path, port, "out of range " + lowest + ".." + MAX_PORT);
    }

    private static void index(IndexConfig index, Problems problems) {
        if (index.path() != null) {
            problems.require(
                    !index.path().toString().isBlank(),
                    "index.path",
                    "",
                    "must name a directory; leave the key out for 'index' beside store.spool");
        }
        if (positive("index.commit-interval", index.commitInterval(), problems)) {
            problems.require(
                    index.commitInterval().compareTo(Duration.ofHours(1)) <= 0,
                    "index.commit-interval",
                    index.commitInterval(),
                    "must be 1h or less: a crash redoes the indexing since the last commit");
        }
        List<String> types = List.of(IndexConfig.LUCENE, IndexConfig.OPENSEARCH);
        problems.require(
                types.contains(index.type()), "index.type", index.type(), "unknown index type; allowed: " + types);
        if (IndexConfig.OPENSEARCH.equals(index.type())) {
            try {
                index.opensearch().toSettings();
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of(
                        "index.opensearch", String.join(", ", index.opensearch().urls()), e.getMessage()));
            }
        }
    }

    private static boolean positive(String path, Duration duration, Problems problems) {
        return problems.require(duration.isPositive(), path, duration, "must be longer than 0");
    }
}
