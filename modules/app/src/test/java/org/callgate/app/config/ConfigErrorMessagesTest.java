package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of mistake is reported as one line: {@code <file>:<line>:<col>: <key>: <value> — <reason>},
 * pointing at the value (or, for an unknown or duplicate key, at the key).
 */
class ConfigErrorMessagesTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void aNegativeSetupRateIsRefusedNamingTheKey() {
        assertThat(errorFor("""
                calls:
                  max-setup-rate: -5
                """)).isEqualTo(file + ":2:19: calls.max-setup-rate: -5 — must be 0 (no limit) or more");
    }

    @Test
    void aWordWhereANumberBelongsIsNotANumber() {
        assertThat(errorFor("""
                sip:
                  listen-address: 127.0.0.1
                  advertised-address: null
                  port: fivesixty
                """)).isEqualTo(file + ":4:9: sip.port: 'fivesixty' — not a number");
    }

    @Test
    void anOutboundProxyNamedByHostIsRefusedForDns() {
        assertThat(errorFor("""
                sip:
                  outbound-proxy: sip:proxy.example:5060
                """))
                .isEqualTo(file + ":2:19: sip.outbound-proxy: 'sip:proxy.example:5060' — not a sip: or sips: URI of an"
                        + " IP address, such as sip:10.0.0.9:5060 (host names are not resolved)");
    }

    @Test
    void anOutboundProxyWithoutTlsIsRefusedWhenAQueueIsSips() {
        assertThat(errorFor("""
                sip:
                  outbound-proxy: sip:10.0.0.9:5060;transport=tcp
                service-lines:
                  - {id: private, name: Private, number: 02 278 50 44, queue: "sips:private@10.0.0.5:5071"}
                """))
                .isEqualTo(file
                        + ":2:19: sip.outbound-proxy: 'sip:10.0.0.9:5060;transport=tcp' — sips:private@10.0.0.5:5071"
                        + " is a sips: URI, TLS on every hop (RFC 3261 §26.2.2): write the proxy as sips: or with"
                        + " ;transport=tls");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsNotAWholeNumber() {
        assertThat(errorFor("""
                calls:
                  max-concurrent: 10.5
                """)).isEqualTo(file + ":2:19: calls.max-concurrent: 10.5 — not a whole number");
    }

    @Test
    void aNumberTooLargeForItsKeyIsOutOfRange() {
        assertThat(errorFor("""
                media:
                  threads: 99999999999
                """)).isEqualTo(file + ":2:12: media.threads: 99999999999 — number out of range");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysAllowedThere() {
        assertThat(errorFor("""
                sip:
                  port: 5060
                  bogus: 1
                """))
                .isEqualTo(file + ":3:3: sip.bogus: 1 — unknown key; allowed: advertised-address, listen-address,"
                        + " outbound-proxy, port, tls, transports");
    }

    @Test
    void aJavaStyleKeyNameIsUnknown() {
        assertThat(errorFor("""
                sip:
                  listenAddress: 127.0.0.1
                """))
                .isEqualTo(file + ":2:3: sip.listenAddress: '127.0.0.1' — unknown key; allowed: advertised-address,"
                        + " listen-address, outbound-proxy, port, tls, transports");
    }

    @Test
    void anUnknownSectionIsNamedWithTheSectionsAllowed() {
        assertThat(errorFor("""
                retention:
                  recordings: 6m
                """))
                .isEqualTo(
                        file + ":1:1: retention: {...} — unknown key; allowed: calls, index, media,"
                                + " node-id, outbound, prompts-dir, purge, recording, retention-dir, service-lines, sip, sms, store, web");
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        assertThat(errorFor("""
                sip:
                  port: 5060
                  port: 5061
                """)).isEqualTo(file + ":3:3: sip.port: 5061 — duplicate key; first given on line 2");
    }

    @Test
    void aSectionGivenTwiceIsRefused() {
        assertThat(errorFor("""
                sip:
                  port: 5060
                sip:
                  port: 5070
                """)).isEqualTo(file + ":3:1: sip: {...} — duplicate key; first given on line 1");
    }

    @Test
    void aMissingFileSaysSo() {
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Path.of("config/x.yaml")));

        assertThat(e).hasMessage("config/x.yaml: cannot read: no such file");
    }

    @Test
    void aDirectoryIsNotAFile() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

        assertThat(e).hasMessage(dir + ": cannot read: a directory, not a file");
    }

    @Test
    void aYamlSyntaxErrorGivesThePositionAndTheParsersReason() {
        assertThat(errorFor("""
                sip:
                  port: 5060
                 listen-address: 127.0.0.1
                """))
                .isEqualTo(file + ":3:2: invalid YAML: expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void anUnclosedListIsASyntaxError() {
        assertThat(errorFor("""
                sip:
                  transports: [udp, tcp
                media:
                  threads: 2
                """)).startsWith(file + ":3:6: invalid YAML: ");
    }

    @Test
    void aSecondYamlDocumentIsRefusedRatherThanIgnored() {
        assertThat(errorFor("""
                sip:
                  port: 5060
                ---
                sip:
                  port: 5070
                """))
                .isEqualTo(file + ":4:1: a second YAML document; callgate reads one document per file");
    }

    @Test
    void aSectionThatIsNotAMappingIsRefused() {
        assertThat(errorFor("""
                sip: 5060
                """)).isEqualTo(file + ":1:6: sip: 5060 — expected a mapping of keys");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefused() {
        assertThat(errorFor("""
                just some text
                """)).isEqualTo(file + ":1:1: (top level): 'just some text' — expected a mapping of keys");
    }

    @Test
    void aBadDurationSaysWhatADurationLooksLike() {
        assertThat(errorFor("""
                media:
                  inactivity-timeout: 5 minutes
                """))
                .isEqualTo(file + ":2:23: media.inactivity-timeout: '5 minutes' — expected a duration such as 30s,"
                        + " 500ms, 5m");
    }

    @Test
    void aDurationWithoutUnitIsRefusedRatherThanGuessed() {
        assertThat(errorFor("""
                calls:
                  retry-after: 30
                """))
                .isEqualTo(file + ":2:16: calls.retry-after: 30 — expected a duration such as 30s, 500ms, 5m");
    }

    @Test
    void aZeroDurationIsRefused() {
        assertThat(errorFor("""
                calls:
                  no-answer-timeout: 0s
                """)).isEqualTo(file + ":2:22: calls.no-answer-timeout: '0s' — must be longer than 0");
    }

    @Test
    void aRetryAfterInFractionsOfASecondIsRefused() {
        assertThat(errorFor("""
                calls:
                  retry-after: 1500ms
                """))
                .isEqualTo(file + ":2:16: calls.retry-after: '1500ms' — Retry-After is sent in whole seconds"
                        + " (RFC 3261 §20.33)");
    }

    @Test
    void anOverloadDelayPastSipsRetransmissionTimerIsRefused() {
        assertThat(errorFor("""
                calls:
                  overload-delay: 600ms
                """))
                .isEqualTo(file + ":2:19: calls.overload-delay: '600ms' — must be 0 (never refuse) or under"
                        + " SIP's T1 of 500ms, after which callers retransmit");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThat(errorFor("""
                sip:
                  port: 70000
                """)).isEqualTo(file + ":2:9: sip.port: 70000 — out of range 1..65535");
    }

    @Test
    void anOddRtpPortMinIsRefused() {
        assertThat(errorFor("""
                media:
                  rtp-port-min: 20001
                """))
                .isEqualTo(file + ":2:17: media.rtp-port-min: 20001 — must be even: RTP takes the even port of a pair"
                        + " and RTCP the odd one above it (RFC 3550 §11)");
    }

    @Test
    void anRtpRangeBelow1024IsRefused() {
        assertThat(errorFor("""
                media:
                  rtp-port-min: 1000
                """)).isEqualTo(file + ":2:17: media.rtp-port-min: 1000 — out of range 1024..65535");
    }

    @Test
    void anRtpRangeThatIsUpsideDownIsRefused() {
        assertThat(errorFor("""
                media:
                  rtp-port-min: 30000
                  rtp-port-max: 20000
                """))
                .isEqualTo(file + ":3:17: media.rtp-port-max: 20000 — must be above rtp-port-min (30000)");
    }

    @Test
    void anRtpRangeOfASinglePairIsRefused() {
        assertThat(errorFor("""
                media:
                  rtp-port-min: 20000
                  rtp-port-max: 20001
                """))
                .isEqualTo(file + ":3:17: media.rtp-port-max: 20001 — range 20000-20001 holds 1 RTP/RTCP port pair(s);"
                        + " at least 2 are needed, one per call leg");
    }

    @Test
    void aSipPortInsideTheRtpRangeOnTheSameAddressIsRefused() {
        assertThat(errorFor("""
                sip:
                  port: 25000
                """))
                .isEqualTo(file + ":2:9: sip.port: 25000 — inside the RTP port range 20000-29999"
                        + " (media.rtp-port-min, media.rtp-port-max) on the same address");
    }

    @Test
    void aConflictBetweenTwoKeysPointsAtTheOneTheFileHas() {
        assertThat(errorFor("""
                media:
                  rtp-port-min: 4000
                """))
                .isEqualTo(file + ":2:17: sip.port: 5060 — inside the RTP port range 4000-29999"
                        + " (media.rtp-port-min, media.rtp-port-max) on the same address");
    }

    @Test
    void aSipPortInsideTheRtpRangeOnAnotherAddressIsAllowed() throws Exception {
        Path other = Files.writeString(dir.resolve("ok.yaml"), """
                sip:
                  port: 25000
                media:
                  address: 127.0.0.2
                """);

        assertThat(ConfigLoader.load(other, dir).sip().port()).isEqualTo(25000);
    }

    @Test
    void anUnknownTransportIsRefusedWithTheAllowedOnes() {
        assertThat(errorFor("""
                sip:
                  transports: [udp, sctp]
                """))
                .isEqualTo(file + ":2:21: sip.transports[1]: 'sctp' — not a transport; allowed: udp, tcp, tls");
    }

    @Test
    void anEmptyTransportListIsRefused() {
        assertThat(errorFor("""
                sip:
                  transports: []
                """))
                .isEqualTo(
                        file + ":2:15: sip.transports: [] — at least one transport is needed; allowed: udp, tcp, tls");
    }

    @Test
    void tlsWithoutACertificateIsRefusedNamingTheKey() {
        assertThat(errorFor("""
                sip:
                  transports: [udp, tls]
                """))
                .isEqualTo(file + ":2:3: sip.tls.certificate: (none) — required when sip.transports lists tls");
    }

    @Test
    void aTlsPortEqualToTheSipPortIsRefused(@TempDir Path pem) throws Exception {
        Path cert = Files.writeString(pem.resolve("c.pem"), "x");
        assertThat(errorFor("""
                sip:
                  port: 5070
                  transports: [udp, tcp, tls]
                  tls: {port: 5070, certificate: %s, key: %s}
                """.formatted(cert, cert)))
                .endsWith(
                        "sip.tls.port: 5070 — must differ from sip.port: TLS and TCP both need the port to themselves");
    }

    @Test
    void aTransportListedTwiceIsRefusedShowingTheList() {
        assertThat(errorFor("""
                sip:
                  transports: [udp, udp]
                """)).isEqualTo(file + ":2:15: sip.transports: [udp, udp] — a transport is listed twice");
    }

    @Test
    void anEmptyListEntryIsRefused() {
        assertThat(errorFor("""
                sip:
                  transports: [udp, ~]
                """))
                .isEqualTo(file + ":2:21: sip.transports[1]: null — empty entry; give a value or remove the entry");
    }

    @Test
    void aHostNameWhereAnIpAddressBelongsIsRefusedWithoutLookingItUp() {
        assertThat(errorFor("""
                media:
                  address: media.example.be
                """))
                .isEqualTo(file + ":2:12: media.address: 'media.example.be' — not an IP address; write a literal such"
                        + " as 127.0.0.1 or ::1 (host names are not resolved)");
    }

    @Test
    void aWildcardListenAddressNeedsAnAdvertisedAddress() {
        assertThat(errorFor("""
                sip:
                  listen-address: 0.0.0.0
                """))
                .isEqualTo(file + ":2:3: sip.advertised-address: (none) — required when listen-address is a"
                        + " wildcard: Via, Contact and SDP need a reachable address");
    }

    @Test
    void aTelephoneNumberThatIsNoneIsRefused() {
        assertThat(errorFor(lines("02 278 50 44", "02 201 11 11", "12ab")))
                .isEqualTo(file + ":12:13: service-lines[2].number: '12ab' — not a telephone number");
    }

    @Test
    void twoLinesWithTheSameNumberInDifferentFormsAreRefused() {
        assertThat(errorFor(lines("02 278 50 44", "+32 2 278 50 44")))
                .isEqualTo(file + ":8:13: service-lines[1].number: '+32 2 278 50 44' — same number as service-lines[0]"
                        + " (+3222785044)");
    }

    @Test
    void twoLinesWithTheSameIdAreRefused() {
        assertThat(errorFor("""
                service-lines:
                  - {id: private, name: A, number: 02 278 50 44, queue: "sip:a@queue"}
                  - {id: private, name: B, number: 02 201 11 11, queue: "sip:b@queue"}
                """))
                .isEqualTo(file + ":3:10: service-lines[1].id: 'private' — already used by service-lines[0]");
    }

    @Test
    void anIdThatIsNotLowerCaseIsRefused() {
        assertThat(errorFor("""
                service-lines:
                  - {id: Private, name: A, number: 02 278 50 44, queue: "sip:a@queue"}
                """))
                .isEqualTo(file + ":2:10: service-lines[0].id: 'Private' — must be lower-case letters, digits and '-',"
                        + " starting with a letter");
    }

    @Test
    void aQueueThatIsNotASipUriIsRefused() {
        assertThat(errorFor("""
                service-lines:
                  - id: private
                    name: Private customers
                    number: 02 278 50 44
                    queue: http://queue.example.be
                """))
                .isEqualTo(file + ":5:12: service-lines[0].queue: 'http://queue.example.be' — not a sip: or sips: URI"
                        + " with a host, such as sip:private@10.0.0.5:5070");
    }

    @Test
    void aQueueWithoutHostIsRefused() {
        assertThat(errorFor("""
                service-lines:
                  - {id: private, name: A, number: 02 278 50 44, queue: "sip:private@"}
                """))
                .startsWith(file + ":2:57: service-lines[0].queue: 'sip:private@' — not a sip: or sips: URI");
    }

    @Test
    void aMissingServiceLineKeyIsNamedAtItsEntry() {
        assertThat(errorFor("""
                service-lines:
                  - id: private
                    name: Private customers
                    number: 02 278 50 44
                """)).isEqualTo(file + ":2:5: service-lines[0].queue: (none) — required key");
    }

    @Test
    void anEmptyServiceLineListIsRefused() {
        assertThat(errorFor("""
                service-lines: []
                """))
                .isEqualTo(file + ":1:16: service-lines: [] — at least one service line is needed (R5); leave the key"
                        + " out for the four default lines");
    }

    @Test
    void everyValidationErrorIsReportedInFileOrderAndTheMessageIsTheFirst() {
        ConfigException e = exceptionFor("""
                calls:
                  max-concurrent: 0
                sip:
                  port: 0
                """);

        assertThat(e.errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        file + ":2:19: calls.max-concurrent: 0 — must be 1 or more",
                        file + ":4:9: sip.port: 0 — out of range 1..65535");
        assertThat(e).hasMessage(e.errors().getFirst().toString());
        assertThat(e.errors().getFirst())
                .isEqualTo(new ConfigError(file.toString(), 2, 19, "calls.max-concurrent", "0", "must be 1 or more"));
    }

    @Test
    void noMessageNamesAJavaTypeOrSpansMoreThanOneLine() {
        String[] broken = {
            "sip: [1]",
            "sip:\n  port: {a: 1}",
            "media:\n  inactivity-timeout: {a: 1}",
            "service-lines:\n  - 5",
            "service-lines:\n  - id: [a]",
            "calls: {retry-after: [1s]}",
            "- a\n- b"
        };
        for (String yaml : broken) {
            assertThat(errorFor(yaml))
                    .as(yaml)
                    .startsWith(file + ":")
                    .doesNotContain("java", "callgate.app", "Config", "Exception", "\n")
                    .contains(" — ");
        }
    }

    private ConfigException exceptionFor(String yaml) {
        file = dir.resolve("callgate.yaml");
        return BadConfig.refused(dir, yaml);
    }

    private String errorFor(String yaml) {
        return exceptionFor(yaml).getMessage();
    }

    /** A service-lines section with one block-style entry per number, four lines each. */
    private static String lines(String... numbers) {
        StringBuilder yaml = new StringBuilder("service-lines:\n");
        for (int i = 0; i < numbers.length; i++) {
            yaml.append("  - id: line-")
                    .append(i)
                    .append('\n')
                    .append("    name: Line ")
                    .append(i)
                    .append('\n')
                    .append("    number: ")
                    .append(numbers[i])
                    .append('\n')
                    .append("    queue: sip:line-")
                    .append(i)
                    .append("@queue\n");
        }
        return yaml.toString();
    }
}
