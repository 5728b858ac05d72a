package org.callgate.app.config;

/** The rules for {@code outbound}: a trunk that is a SIP URI, sources that are IP literals (R5). */
final class OutboundRules {

    private OutboundRules() {}

    static void check(OutboundConfig outbound, Problems problems) {
        if (outbound.trunk() != null) {
            ServiceLineRules.queue("outbound.trunk", outbound.trunk(), problems);
            problems.require(
                    !outbound.allowedSources().isEmpty(),
                    "outbound.allowed-sources",
                    outbound.allowedSources(),
                    "at least one address may place callbacks");
        }
        for (int i = 0; i < outbound.allowedSources().size(); i++) {
            String source = outbound.allowedSources().get(i);
            problems.require(
                    IpLiterals.parse(source).isPresent(),
                    KeyPaths.index("outbound.allowed-sources", i),
                    source,
                    IpLiterals.REASON);
        }
    }
}
