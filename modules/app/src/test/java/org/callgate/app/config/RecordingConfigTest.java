package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.callgate.core.recording.Recording;
import org.callgate.sip.RecorderFailurePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code recording:} section (R7, R8, objections): defaults, binding, one-line errors, the decision it makes. */
class RecordingConfigTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void theDefaultsSampleHalfTheCallsAndAlwaysRecordBanking() {
        assertThat(ConfigLoader.defaults().recording())
                .isEqualTo(new RecordingConfig(0.5, RecordingConfig.DEMO_KEY, List.of("banking"), List.of()));
        assertThat(ConfigLoader.defaults().recording().usesDemoKey()).isTrue();
    }

    @Test
    void aRecordingSectionIsReadIntoTheDecisionAndTheObjectionList() throws Exception {
        RecordingConfig recording = load("""
                recording:
                  sample-rate: 1
                  sampling-key: s3cret
                  banking-services: [banking, investments]
                  objections: ["0475 12 34 56", "+32 2 201 11 11"]
                """).recording();

        assertThat(recording)
                .isEqualTo(new RecordingConfig(
                        1.0, "s3cret", List.of("banking", "investments"), List.of("0475 12 34 56", "+32 2 201 11 11")));
        assertThat(recording.usesDemoKey()).isFalse();
        assertThat(recording
                        .toDecision()
                        .decide("c1", "investments", true, null)
                        .reason())
                .isEqualTo(Recording.Reason.BANKING_MIFID);
        assertThat(recording.toDecision().decide("c1", "private", false, null).reason())
                .isEqualTo(Recording.Reason.SAMPLED);
        assertThat(recording.toObjectionList().objects("+32475123456")).isTrue();
        assertThat(recording.toObjectionList().objects("+3222011111")).isTrue();
        assertThat(recording.toObjectionList().objects("+32475000000")).isFalse();
    }

    @Test
    void keysLeftOutTakeTheirDefaults() throws Exception {
        assertThat(load("recording:\n  sampling-key: s3cret\n").recording())
                .isEqualTo(new RecordingConfig(0.5, "s3cret", List.of("banking"), List.of()));
    }

    @Test
    void aRateAboveOneIsOutOfRange() {
        assertThat(errorFor("""
                recording:
                  sample-rate: 1.5
                """))
                .isEqualTo(file + ":2:16: recording.sample-rate: 1.5 — out of range 0..1: the share of calls"
                        + " recorded (R7: 0.5)");
    }

    @Test
    void aRateWrittenAsAPercentageIsNotANumber() {
        assertThat(errorFor("""
                recording:
                  sample-rate: 50%
                """)).isEqualTo(file + ":2:16: recording.sample-rate: '50%' — not a number");
    }

    @Test
    void anEmptySamplingKeyIsRefused() {
        assertThat(errorFor("""
                recording:
                  sampling-key: ""
                """))
                .isEqualTo(file + ":2:17: recording.sampling-key: '' — must not be empty: the sample is keyed"
                        + " so that only key holders can reproduce it");
    }

    @Test
    void aBankingServiceThatIsNoServiceIdIsRefused() {
        assertThat(errorFor("""
                recording:
                  banking-services: [banking, Postinfo]
                """))
                .isEqualTo(file + ":2:31: recording.banking-services[1]: 'Postinfo' — must be lower-case letters,"
                        + " digits and '-', starting with a letter");
    }

    @Test
    void anObjectionThatIsNoTelephoneNumberIsRefused() {
        assertThat(errorFor("""
                recording:
                  objections: ["0475 12 34 56", call me]
                """))
                .isEqualTo(file + ":2:33: recording.objections[1]: 'call me' — not a telephone number");
    }

    @Test
    void aFailurePolicyOtherThanContinueOrRefuseIsRefused() {
        assertThat(errorFor("""
                recording:
                  on-failure: ignore
                """))
                .isEqualTo(file + ":2:15: recording.on-failure: 'ignore' — must be continue (a banking call goes on"
                        + " unrecorded, marked) or refuse (it is not put through) when its recorder cannot start (R8)");
    }

    @Test
    void bankingCallsGoOnWhenTheRecorderFailsUnlessTheSectionSaysRefuse() throws Exception {
        assertThat(ConfigLoader.defaults().recording().toFailurePolicy()).isEqualTo(RecorderFailurePolicy.CONTINUE);
        assertThat(load("recording:\n  on-failure: refuse\n").recording().toFailurePolicy())
                .isEqualTo(RecorderFailurePolicy.REFUSE);
    }

    @Test
    void theKeyNeverAppearsInTheConfigurationsText() throws Exception {
        RecordingConfig recording =
                load("recording:\n  sampling-key: very-secret-key\n").recording();

        assertThat(recording.toString()).doesNotContain("very-secret-key").contains("15 characters");
    }

    private CallgateConfig load(String yaml) throws IOException, ConfigException {
        return ConfigLoader.load(Files.writeString(dir.resolve("callgate.yaml"), yaml), dir);
    }

    private String errorFor(String yaml) {
        file = dir.resolve("callgate.yaml");
        return BadConfig.refused(dir, yaml).getMessage();
    }
}
