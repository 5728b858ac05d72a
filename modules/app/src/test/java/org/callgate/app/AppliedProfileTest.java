package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigLoader;
import org.callgate.app.config.StoreConfig;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed retention profile applies to new records only, and callgate says what changed. */
class AppliedProfileTest {

    @Test
    void switchingToQualityControlNamesTheRecordingClassAndNothingElse() {
        List<String> before = AppliedProfile.lines(TestProfiles.DEFAULT);
        List<String> now = AppliedProfile.lines(TestProfiles.QUALITY_CONTROL);
        assertThat(AppliedProfile.changes(before, now))
                .containsExactly("recording: keep P6M from call, lock governance, basis R7"
                        + " → keep P1M from call, lock governance, basis R14");
    }

    @Test
    void theSameProfileIsNoChange() {
        List<String> lines = AppliedProfile.lines(TestProfiles.DEFAULT);
        assertThat(AppliedProfile.changes(lines, lines)).isEmpty();
    }

    @Test
    void aClassTheLastRunDidNotHaveIsNamedAsNew() {
        List<String> now = AppliedProfile.lines(TestProfiles.DEFAULT);
        assertThat(AppliedProfile.changes(now.subList(0, now.size() - 1), now))
                .containsExactly("new class evidence: keep P10Y from end-of-dispute, lock compliance, basis R18");
    }

    @Test
    void theProfileInForceIsRememberedBesideTheSpool(@TempDir Path dir) throws Exception {
        var config = ConfigLoader.defaults();
        var store = new StoreConfig(
                "file",
                dir.resolve("store"),
                dir.resolve("spool"),
                "quality-control",
                StoreConfig.SYNCFS,
                config.store().s3());
        var withQc = new CallgateConfig(
                config.sip(),
                config.media(),
                config.calls(),
                config.serviceLines(),
                config.promptsDir(),
                config.sms(),
                config.outbound(),
                config.recording(),
                store,
                config.index(),
                config.purge(),
                config.retentionDir(),
                config.web());
        assertThat(AppliedProfile.apply(withQc)).isEqualTo(TestProfiles.QUALITY_CONTROL);
        assertThat(Files.readAllLines(dir.resolve("retention-profile.applied")))
                .isEqualTo(AppliedProfile.lines(TestProfiles.QUALITY_CONTROL));
    }
}
