package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped logback.xml writes CDR lines, which hold callers' numbers, to one file per UTC day
 * under {@code callgate.cdr.dir}, the files the retention purge deletes after the trace's year (R1).
 */
class CdrFilesTest {

    @TempDir
    Path dir;

    @Test
    void cdrLinesAndOnlyThemGoToADailyFileUnderTheCdrDirectory() throws Exception {
        LoggerContext logging = new LoggerContext();
        logging.setMDCAdapter(new LogbackMDCAdapter());
        logging.putProperty("callgate.cdr.dir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(CdrFilesTest.class.getResource("/logback.xml"));

        logging.getLogger("callgate.cdr").info("call c-1 line=+3222785044 caller=+32470123456 status=200");
        logging.getLogger("org.callgate.sip.CallEnder").info("not a CDR");
        logging.stop();

        try (var files = Files.list(dir)) {
            Path cdr = files.toList().getFirst();
            assertThat(cdr.getFileName().toString()).matches("cdr-\\d{4}-\\d{2}-\\d{2}\\.log");
            assertThat(Files.readAllLines(cdr))
                    .singleElement()
                    .asString()
                    .contains("callgate.cdr")
                    .endsWith("call c-1 line=+3222785044 caller=+32470123456 status=200");
        }
        assertThat(dir.toFile().list()).hasSize(1);
    }
}
