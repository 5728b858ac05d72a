package org.callgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code store:} section: defaults, binding, one-line errors. */
class StoreConfigTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void defaultPrompts() {
        TestPrompts.defaultsIn(dir);
    }

    @Test
    void theDefaultIsAFileStoreUnderVarWithTheDefaultRetentionProfile() {
        assertThat(ConfigLoader.defaults().store())
                .isEqualTo(new StoreConfig(
                        "file",
                        Path.of("var/store"),
                        Path.of("var/spool"),
                        "default",
                        "syncfs",
                        S3StoreConfig.defaults()));
    }

    @Test
    void aStoreSectionIsRead() throws Exception {
        assertThat(load("""
                store:
                  path: /srv/callgate/store
                  spool: /var/spool/callgate
                  retention-profile: quality-control
                  sync: fsync
                """).store())
                .isEqualTo(new StoreConfig(
                        "file",
                        Path.of("/srv/callgate/store"),
                        Path.of("/var/spool/callgate"),
                        "quality-control",
                        "fsync",
                        S3StoreConfig.defaults()));
    }

    @Test
    void anUnknownStoreTypeIsNamedWithTheTypesAllowed() {
        assertThat(errorFor("store:\n  type: floppy\n"))
                .isEqualTo(file + ":2:9: store.type: 'floppy' — unknown store type; allowed: [file, s3]");
    }

    @Test
    void anUnknownWayToSyncIsNamedWithTheWaysAllowed() {
        assertThat(errorFor("store:\n  sync: never\n"))
                .isEqualTo(file + ":2:9: store.sync: 'never' — unknown way to sync; allowed: [syncfs, fsync]");
    }

    @Test
    void anS3SectionIsReadIntoTheStoresSettingsWithoutEverShowingTheSecret() throws Exception {
        StoreConfig store = load("""
                store:
                  type: s3
                  s3:
                    endpoint: http://127.0.0.1:7480
                    region: us-east-1
                    bucket: calls-eu
                    path-style: true
                    access-key: AKIA123
                    secret-key: very-secret
                    kms-key-id: key-1
                """).store();

        var settings = store.s3().toSettings();
        assertThat(settings.bucket()).isEqualTo("calls-eu");
        assertThat(settings.endpoint()).contains(java.net.URI.create("http://127.0.0.1:7480"));
        assertThat(settings.pathStyleAccess()).isTrue();
        assertThat(settings.kmsKeyId()).contains("key-1");
        assertThat(store.toString()).doesNotContain("very-secret");
    }

    @Test
    void anS3StoreDefaultsToAnEuRegion() throws Exception {
        assertThat(load("store:\n  type: s3\n  s3:\n    bucket: calls\n")
                        .store()
                        .s3()
                        .toSettings()
                        .region())
                .isEqualTo("eu-west-1");
    }

    @Test
    void aBadBucketNameIsRefusedInOneLine() {
        assertThat(errorFor("store:\n  type: s3\n  s3:\n    bucket: Calls_EU\n"))
                .startsWith(file + ":")
                .contains("store.s3: 'Calls_EU' — ")
                .doesNotContain("\n");
    }

    @Test
    void anUnknownRetentionProfileIsRefused() {
        assertThat(errorFor("store:\n  retention-profile: forever\n"))
                .isEqualTo(file
                        + ":2:22: store.retention-profile: 'forever' — no such profile: no file "
                        + file.resolveSibling("config/retention/forever.yaml"));
    }

    @Test
    void theSpoolCannotBeTheStoreItself() {
        assertThat(errorFor("store:\n  path: data\n  spool: data/\n"))
                .isEqualTo(
                        file
                                + ":3:10: store.spool: 'data/' — must differ from store.path: the spool holds what is not stored yet");
    }

    private CallgateConfig load(String yaml) throws IOException, ConfigException {
        return ConfigLoader.load(Files.writeString(dir.resolve("callgate.yaml"), yaml), dir);
    }

    private String errorFor(String yaml) {
        file = dir.resolve("callgate.yaml");
        return BadConfig.refused(dir, yaml).getMessage();
    }
}
