package org.callgate.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for {@code sip.outbound-proxy}: a {@code sip:} or {@code sips:} URI whose host is an IP
 * literal (no DNS at start-up, as for every address in the file), with an optional port and
 * {@code transport}; and, where an agent queue or the outbound trunk is a {@code sips:} URI, a
 * proxy reached over TLS, since a {@code sips:} request is TLS on every hop (RFC 3261 §26.2.2).
 */
final class OutboundProxyRules {

    static final String KEY = "sip.outbound-proxy";

    /** {@code sip:10.0.0.9}, {@code sips:10.0.0.9:5061}, {@code sip:[2001:db8::9]:5060;transport=tcp}. */
    private static final Pattern PROXY =
            Pattern.compile("(?i)(sips?):(\\[([0-9a-f:.]+)]|([0-9.]+))(:(\\d{1,5}))?((;[a-z0-9-]+(=[a-z0-9.-]+)?)*)");

    private static final Pattern TRANSPORT = Pattern.compile("(?i);transport=([a-z]+)");

    private OutboundProxyRules() {}

    static void check(CallgateConfig config, Problems problems) {
        String proxy = config.sip().outboundProxy();
        if (proxy == null) {
            return;
        }
        Matcher uri = PROXY.matcher(proxy);
        if (!uri.matches()) {
            problems.add(Problem.of(
                    KEY,
                    proxy,
                    "not a sip: or sips: URI of an IP address, such as sip:10.0.0.9:5060 (host names are not"
                            + " resolved)"));
            return;
        }
        String host = uri.group(3) != null ? uri.group(3) : uri.group(4);
        if (!problems.require(IpLiterals.parse(host).isPresent(), KEY, proxy, IpLiterals.REASON)) {
            return;
        }
        if (uri.group(6) != null) {
            int port = Integer.parseInt(uri.group(6));
            problems.require(port >= 1 && port <= 65_535, KEY, proxy, "port out of range 1..65535");
        }
        Matcher transport = TRANSPORT.matcher(uri.group(7));
        String named = transport.find() ? transport.group(1).toLowerCase(Locale.ROOT) : null;
        if (named != null
                && !problems.require(
                        List.of("udp", "tcp", "tls").contains(named),
                        KEY,
                        proxy,
                        "transport must be udp, tcp or tls")) {
            return;
        }
        boolean tls = uri.group(1).equalsIgnoreCase("sips") || "tls".equals(named);
        if (!tls) {
            for (String secure : secureTargets(config)) {
                problems.add(Problem.of(
                        KEY,
                        proxy,
                        secure + " is a sips: URI, TLS on every hop (RFC 3261 §26.2.2): write the proxy as sips: or"
                                + " with ;transport=tls"));
            }
        }
    }

    /** Where callgate sends its own requests, written as {@code sips:}: agent queues and the trunk. */
    private static List<String> secureTargets(CallgateConfig config) {
        List<String> targets = new ArrayList<>();
        for (ServiceLineConfig line : config.serviceLines()) {
            targets.add(line.queue());
            if (line.ivr() != null) {
                queues(line.ivr().menu(), targets);
            }
        }
        targets.add(config.outbound().trunk());
        return targets.stream()
                .filter(target -> target != null && target.regionMatches(true, 0, "sips:", 0, 5))
                .distinct()
                .toList();
    }

    private static void queues(MenuConfig menu, List<String> into) {
        if (menu == null || menu.options() == null) {
            return;
        }
        for (MenuOptionConfig option : menu.options().values()) {
            if (option == null) {
                continue;
            }
            into.add(option.queue());
            queues(option.menu(), into);
        }
    }
}
