package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import org.callgate.store.LockMode;
import org.callgate.store.RetentionProfile;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention is a policy in configuration (REQUIREMENTS "what follows" 1): the shipped profile
 * files are what the product runs on, and a profile the law does not allow never loads.
 */
class RetentionFilesTest {

    /** Tests run in modules/app; the shipped files are at the repository's root. */
    private static final Path SHIPPED = Path.of("../../config/retention");

    @TempDir
    Path dir;

    @Test
    void theShippedDefaultProfileIsSeed003sPolicy() throws ConfigException {
        assertThat(RetentionFiles.load(SHIPPED, "default")).isEqualTo(TestProfiles.DEFAULT);
    }

    @Test
    void theShippedQualityControlProfileKeepsRecordingsOneMonth() throws ConfigException {
        RetentionProfile qc = RetentionFiles.load(SHIPPED, "quality-control");
        assertThat(qc).isEqualTo(TestProfiles.QUALITY_CONTROL);
        assertThat(qc.rule("recording").keep()).isEqualTo(Period.ofMonths(1));
        assertThat(qc.rule("recording").basis()).isEqualTo("R14");
    }

    @Test
    void theBuiltInCopyIsReadWhenTheDefaultDirectoryIsNotThere() throws ConfigException {
        // The tests' working directory (modules/app) has no config/retention.
        assertThat(Files.exists(CallgateConfig.DEFAULT_RETENTION_DIR)).isFalse();
        assertThat(RetentionFiles.load(CallgateConfig.DEFAULT_RETENTION_DIR, "quality-control"))
                .isEqualTo(TestProfiles.QUALITY_CONTROL);
    }

    @Test
    void aProfileThatIsNotThereIsNamedWithItsFile() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> RetentionFiles.load(dir, "strict"));
        assertThat(e.errors())
                .singleElement()
                .hasToString(dir.resolve("strict.yaml") + ": no such retention profile (store.retention-profile)");
    }

    @Test
    void aBadDurationIsOneLineNamingTheFileTheKeyTheValueAndTheReason() throws IOException {
        String text = shipped().replace("keep: 1 year", "keep: 1 yr");
        assertThat(errors(text))
                .containsExactly(dir.resolve("custom.yaml") + ":14:11: classes.trace.keep: '1 yr' — a duration such"
                        + " as '1 year', '6 months', '30 days' or '2 weeks'");
    }

    @Test
    void sampledRecordingsKeptLongerThanSixMonthsDoNotLoad() throws IOException {
        String text = shipped().replace("keep: 6 months", "keep: 7 months");
        assertThat(errors(text))
                .singleElement()
                .asString()
                .endsWith("classes.recording.keep: '7 months' — at most 6 months (R7)");
    }

    @Test
    void bankingRecordingsMustBeKeptTenYearsUnderComplianceLock() throws IOException {
        String text = shipped()
                .replace(
                        "keep: 10 years\n    from: call\n    lock: compliance",
                        "keep: 5 years\n    from: call\n    lock: governance");
        assertThat(errors(text))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line)
                        .endsWith("classes.banking-recording.keep: '5 years' — at least 10 years (R3, R8, R18)"))
                .anySatisfy(
                        line -> assertThat(line)
                                .endsWith(
                                        "classes.banking-recording.lock: 'governance' — a legal retention is locked in compliance mode (R3, R8, R18)"));
    }

    @Test
    void anUnknownClassAndAMissingClassAreBothReported() throws IOException {
        String text = shipped().replace("  survey:", "  surveys:");
        assertThat(errors(text))
                .anySatisfy(line -> assertThat(line).contains("classes.surveys: {...} — unknown retention class"))
                .anySatisfy(line ->
                        assertThat(line).contains("classes.survey: '(none)' — required: every class has a rule"));
    }

    @Test
    void evidenceRunsFromTheEndOfADisputeNotFromTheCall() throws IOException {
        String text = shipped().replace("from: end-of-dispute", "from: call");
        assertThat(errors(text))
                .singleElement()
                .asString()
                .endsWith(
                        "classes.evidence.from: 'call' — a evidence record is dated from one of [end-of-contract, end-of-dispute]");
    }

    @Test
    void aRetentionRunsFromTheEventItsRuleNames() {
        Instant call = Instant.parse("2026-01-31T10:00:00Z");
        Instant ended = Instant.parse("2026-01-31T10:20:00Z");
        RetentionProfile fromEnd = new RetentionProfile(
                "x",
                TestProfiles.DEFAULT.rules().stream()
                        .map(rule -> rule.retentionClass().equals("trace")
                                ? new RetentionProfile.Rule(
                                        "trace",
                                        Period.ofYears(1),
                                        RetentionProfile.Start.END_OF_CALL,
                                        LockMode.NONE,
                                        "R1")
                                : rule)
                        .toList());
        assertThat(TestProfiles.DEFAULT.retentionOfCall("trace", call, ended).retainUntil())
                .isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
        assertThat(fromEnd.retentionOfCall("trace", call, ended).retainUntil())
                .isEqualTo(Instant.parse("2027-01-31T10:20:00Z"));
        assertThat(TestProfiles.DEFAULT
                        .retentionOfCall("recording", call, ended)
                        .retainUntil())
                .isEqualTo(Instant.parse("2026-07-31T10:00:00Z"));
    }

    @Test
    void checkConfigReportsAProblemInTheProfileFile() throws IOException {
        Files.writeString(dir.resolve("custom.yaml"), shipped().replace("lock: governance", "lock: compliance"));
        Path config = dir.resolve("callgate.yaml");
        Files.writeString(
                config,
                "store:\n  retention-profile: custom\nretention-dir: " + dir + "\nprompts-dir: "
                        + Path.of("../../config/prompts").toAbsolutePath().normalize() + "\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(config));
        assertThat(e.errors())
                .singleElement()
                .asString()
                .startsWith(dir.resolve("custom.yaml") + ":")
                .endsWith(
                        "classes.recording.lock: 'compliance' — a caller may have it erased (R12, R14): governance or none");
    }

    private static String shipped() throws IOException {
        return Files.readString(SHIPPED.resolve("default.yaml"));
    }

    private java.util.List<String> errors(String text) throws IOException {
        Files.writeString(dir.resolve("custom.yaml"), text);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> RetentionFiles.load(dir, "custom"));
        assertThat(e).as("the profile should not load").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }
}
