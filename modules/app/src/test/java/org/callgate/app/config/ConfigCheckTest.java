package org.callgate.app.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @TempDir
    Path workingDir;

    @Test
    void aUsableFileExitsZeroWithASummaryOnStandardOutput() {
        Path shipped = ConfigLoaderTest.SHIPPED;
        TestPrompts.defaultsIn(workingDir);

        assertThat(run(shipped)).isEqualTo(ConfigCheck.OK);
        assertThat(out.toString(UTF_8))
                .isEqualTo("OK: " + shipped + ": 4 service lines, sip udp+tcp on 127.0.0.1:5060, rtp 20000-29999,"
                        + " retention profile default, purge daily at 03:00 Europe/Brussels" + System.lineSeparator());
        assertThat(err.toString(UTF_8)).isEmpty();
    }

    @Test
    void theSummaryShowsOneTransportOneLineAndAnIpv6AddressInBrackets() throws IOException {
        Path file = Files.writeString(dir.resolve("v6.yaml"), """
                sip:
                  listen-address: "::1"
                  transports: [tcp]
                media:
                  address: "::1"
                service-lines:
                  - {id: private, name: Private, number: 02 278 50 44, queue: "sip:private@[::1]:5070"}
                """);

        assertThat(run(file)).isEqualTo(ConfigCheck.OK);
        assertThat(out.toString(UTF_8)).contains(": 1 service line, sip tcp on [::1]:5060, rtp 20000-29999");
    }

    @Test
    void anUnusableFileExitsTwoWithEachErrorOnItsOwnLineOnStandardError() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                sip:
                  port: 0
                calls:
                  max-concurrent: 0
                """);

        assertThat(run(file)).isEqualTo(ConfigCheck.INVALID);
        assertThat(out.toString(UTF_8)).isEmpty();
        assertThat(err.toString(UTF_8).lines())
                .containsExactly(
                        file + ":2:9: sip.port: 0 — out of range 1..65535",
                        file + ":4:19: calls.max-concurrent: 0 — must be 1 or more");
    }

    @Test
    void aMissingPromptFileMakesTheFileUnusable() throws IOException {
        Path file = Files.writeString(dir.resolve("ivr.yaml"), """
                service-lines:
                  - id: private
                    name: Private customers
                    number: 02 278 50 44
                    queue: sip:private@127.0.0.1:5070
                    ivr:
                      languages: [nl]
                      greeting: welcome
                      menu: {prompt: menu, options: {"0": {action: agent}}}
                """);
        TestPrompts.create(workingDir.resolve("config/prompts"), List.of("nl"), List.of("menu"));

        assertThat(run(file)).isEqualTo(ConfigCheck.INVALID);
        assertThat(err.toString(UTF_8).lines())
                .containsExactly(
                        file
                                + ":8:17: service-lines[0].ivr.greeting: 'welcome' — no prompt file config/prompts/nl/welcome.wav");
    }

    @Test
    void aMissingFileIsReportedOnStandardError() {
        assertThat(run(Path.of("config/no-such.yaml"))).isEqualTo(ConfigCheck.INVALID);
        assertThat(err.toString(UTF_8))
                .isEqualTo("config/no-such.yaml: cannot read: no such file" + System.lineSeparator());
    }

    private int run(Path file) {
        return ConfigCheck.run(file, workingDir, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }
}
