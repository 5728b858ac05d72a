package org.callgate.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void aBucketAloneIsAtAwsInIrelandWithTheDefaultChainAndNoEncryption() {
        S3Settings settings = S3Settings.forBucket("callgate-recordings");

        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.pathStyleAccess()).isFalse();
        assertThat(settings.accessKey()).isEmpty();
        assertThat(settings.kmsKeyId()).isEmpty();
    }

    @Test
    void toStringShowsTheAccessKeyButHidesTheSecret() {
        S3Settings settings =
                S3Settings.forBucket("callgate-recordings").withCredentials("AKIAEXAMPLE", "s3cr3t-value");

        assertThat(settings.toString())
                .contains("AKIAEXAMPLE", "(hidden)", "eu-west-1")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void badBucketNamesAreRefusedWithTheName() {
        for (String bad :
                new String[] {"ab", "Upper-Case", "under_score", "-leading", "trailing-", "a..b", "10.0.0.1"}) {
            assertThatThrownBy(() -> S3Settings.forBucket(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void anEndpointIsAnHttpOrHttpsUriWithAHost() {
        S3Settings settings = S3Settings.forBucket("recordings");

        assertThat(settings.withEndpoint(URI.create("https://s3.example.eu:8443"), false)
                        .endpoint())
                .isPresent();
        assertThatThrownBy(() -> settings.withEndpoint(URI.create("ftp://host"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://host");
        assertThatThrownBy(() -> settings.withEndpoint(URI.create("/relative"), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAccessKeyNeedsItsSecretAndNeitherIsBlank() {
        assertThatThrownBy(() -> new S3Settings(
                        Optional.empty(),
                        "eu-west-1",
                        "recordings",
                        false,
                        Optional.of("AKIA"),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> S3Settings.forBucket("recordings").withCredentials("AKIA", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionAndAKmsKeyIdAreChecked() {
        assertThatThrownBy(() -> S3Settings.forBucket("recordings").withRegion("EU West"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'EU West'");
        assertThatThrownBy(() -> S3Settings.forBucket("recordings").withKmsKey(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
