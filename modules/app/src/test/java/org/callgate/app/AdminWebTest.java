package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callgate.app.config.ConfigLoader;
import org.callgate.core.access.UserAdmin;
import org.callgate.core.access.UserAdminException;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admins' view of callgate: the configuration with secrets and callers' numbers redacted, and
 * the user file through the user command's rules.
 */
class AdminWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theConfigurationShouldShowItsValuesButNoSecretAndNoCallersNumber() throws Exception {
        Path file = dir.resolve("callgate.yaml");
        Files.writeString(file, """
                prompts-dir: %s
                recording:
                  sampling-key: a-very-secret-sampling-key
                  objections: ["0475 99 88 77"]
                sms:
                  sender: webhook
                  webhook:
                    url: https://sms-gateway.example/send?token=s3cr3t
                store:
                  type: s3
                  path: %s
                  spool: %s
                  s3:
                    endpoint: http://127.0.0.1:9000
                    region: eu-west-1
                    bucket: calls
                    access-key: AKIAEXAMPLE
                    secret-key: wJalrXUtnFEMIexample
                """.formatted(GatewayFixture.PROMPTS, dir.resolve("store"), dir.resolve("spool")));

        Map<String, Object> view =
                AdminWeb.configuration(ConfigLoader.load(file)).redacted();

        String text = JSON.writeValueAsString(view);
        JsonNode tree = JSON.valueToTree(view);
        assertThat(text)
                .doesNotContain("a-very-secret-sampling-key")
                .doesNotContain("AKIAEXAMPLE")
                .doesNotContain("wJalrXUtnFEMIexample")
                .doesNotContain("s3cr3t")
                .doesNotContain("0475")
                .doesNotContain("+32475");
        assertThat(text).contains("eu-west-1").contains("https://sms-gateway.example/send?***");
        assertThat(tree.findValue("bucket").asText()).isEqualTo("calls");
        assertThat(tree.findValue("port")).isNotNull();
    }

    @Test
    void addingAUserShouldFollowTheUserCommandsRules() throws Exception {
        UserAdmin users =
                AdminWeb.users(new UserStore(dir.resolve("users.json"), Clock.systemUTC()), List.of("banking"));
        char[] password = "long enough passphrase".toCharArray();

        var anna = users.add("anna", Set.of("agent"), Set.of("private"), password);

        assertThat(anna.roles()).containsExactly("agent");
        assertThat(anna.services()).containsExactly("private");
        assertThatThrownBy(() -> users.add("anna", Set.of("agent"), Set.of(), password))
                .isInstanceOfSatisfying(
                        UserAdminException.class,
                        e -> assertThat(e.reason()).isEqualTo(UserAdminException.Reason.EXISTS));
        assertThatThrownBy(() -> users.add("sam", Set.of("supervisor"), Set.of("banking"), password))
                .isInstanceOfSatisfying(
                        UserAdminException.class,
                        e -> assertThat(e.reason()).isEqualTo(UserAdminException.Reason.INVALID));
        assertThatThrownBy(() -> users.add("bob", Set.of("agent"), Set.of(), "short".toCharArray()))
                .isInstanceOfSatisfying(
                        UserAdminException.class,
                        e -> assertThat(e.reason()).isEqualTo(UserAdminException.Reason.INVALID));
        assertThatThrownBy(() -> users.add("bob", Set.of("janitor"), Set.of(), password))
                .isInstanceOf(UserAdminException.class)
                .hasMessageContaining("unknown role");
        assertThat(users.disable("anna"))
                .hasValueSatisfying(user -> assertThat(user.disabled()).isTrue());
        assertThat(users.enable("anna"))
                .hasValueSatisfying(user -> assertThat(user.disabled()).isFalse());
        assertThat(users.disable("nobody")).isEmpty();
        assertThat(users.list()).extracting(user -> user.name()).containsExactly("anna");
    }
}
