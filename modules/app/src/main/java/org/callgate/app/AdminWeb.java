package org.callgate.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.callgate.app.config.CallgateConfig;
import org.callgate.core.access.ConfigurationView;
import org.callgate.core.access.UserAdmin;
import org.callgate.core.access.UserAdminException;
import org.callgate.core.access.UserView;
import org.callgate.users.Role;
import org.callgate.users.User;
import org.callgate.users.UserException;
import org.callgate.users.UserStore;

/**
 * The web API's admin side: the user file through the same rules as the {@code user} command, and
 * the running configuration with its secrets and personal data redacted.
 */
final class AdminWeb {

    /** Keys whose values are secrets, wherever they are in the tree (compared without '-', in lower case). */
    private static final Pattern SECRET = Pattern.compile(".*(secret|password|accesskey|samplingkey|token).*");

    /** Keys whose values are callers' numbers (personal data, which admins never see). */
    private static final Set<String> PERSONAL = Set.of("objections");

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("callgate-config-view")
                    .addSerializer(Duration.class, new ToText<>())
                    .addSerializer(Path.class, new ToText<>()));

    private AdminWeb() {}

    static UserAdmin users(UserStore store, List<String> bankingServices) {
        return new UserAdmin() {
            @Override
            public List<UserView> list() {
                return store.list().stream().map(AdminWeb::view).toList();
            }

            @Override
            public UserView add(String name, Set<String> roles, Set<String> services, char[] password)
                    throws UserAdminException {
                Set<Role> parsed = EnumSet.noneOf(Role.class);
                for (String label : roles) {
                    parsed.add(Role.parse(label)
                            .orElseThrow(() -> new UserAdminException(
                                    UserAdminException.Reason.INVALID,
                                    "unknown role " + label + ": one of " + Role.labels())));
                }
                if (store.find(name).isPresent()) {
                    throw new UserAdminException(UserAdminException.Reason.EXISTS, "user " + name + " exists");
                }
                if (parsed.contains(Role.SUPERVISOR)) {
                    for (String service : services) {
                        if (bankingServices.contains(service.toLowerCase(Locale.ROOT))) {
                            throw new UserAdminException(
                                    UserAdminException.Reason.INVALID,
                                    "service " + service + " is a banking service; supervisors never hear"
                                            + " banking recordings, compliance does");
                        }
                    }
                }
                try {
                    return view(store.add(name, parsed, services, password));
                } catch (UserException e) {
                    throw new UserAdminException(UserAdminException.Reason.INVALID, e.getMessage());
                }
            }

            @Override
            public Optional<UserView> disable(String name) throws IOException {
                return change(name, () -> store.disable(name));
            }

            @Override
            public Optional<UserView> enable(String name) throws IOException {
                return change(name, () -> store.enable(name));
            }

            private Optional<UserView> change(String name, Change change) throws IOException {
                if (store.find(name).isEmpty()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(view(change.apply()));
                } catch (UserException e) {
                    throw new IOException("cannot change user " + name + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @FunctionalInterface
    private interface Change {
        User apply() throws UserException;
    }

    private static UserView view(User user) {
        return new UserView(
                user.name(),
                user.roles().stream().map(Role::label).collect(java.util.stream.Collectors.toSet()),
                user.services(),
                user.disabled(),
                user.created(),
                user.changed());
    }

    /** The configuration as loaded (defaults filled in), redacted once: it does not change while running. */
    @SuppressWarnings("unchecked")
    static ConfigurationView configuration(CallgateConfig config) {
        JsonNode tree = redact(JSON.valueToTree(config));
        Map<String, Object> redacted = JSON.convertValue(tree, Map.class);
        return () -> redacted;
    }

    /** Secrets and personal data become {@value ConfigurationView#REDACTED}; credentials in URLs too. */
    static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey().replace("-", "").toLowerCase(Locale.ROOT);
                JsonNode value = field.getValue();
                if (SECRET.matcher(key).matches() && !value.isNull()) {
                    field.setValue(TextNode.valueOf(ConfigurationView.REDACTED));
                } else if (PERSONAL.contains(key) && value instanceof ArrayNode numbers) {
                    for (int i = 0; i < numbers.size(); i++) {
                        numbers.set(i, TextNode.valueOf(ConfigurationView.REDACTED));
                    }
                } else if (key.equals("url") && value.isTextual()) {
                    field.setValue(TextNode.valueOf(withoutCredentials(value.asText())));
                } else {
                    redact(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(AdminWeb::redact);
        }
        return node;
    }

    /** A URL's user info and query may carry credentials (an SMS gateway's token). */
    private static String withoutCredentials(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getRawUserInfo() == null && uri.getRawQuery() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                    + (uri.getRawQuery() == null ? "" : "?" + ConfigurationView.REDACTED);
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return ConfigurationView.REDACTED;
        }
    }

    /** Writes a value as its {@code toString()}: durations as ISO-8601, paths as written. */
    private static final class ToText<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
