package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attributes carry only what S3 can store as object tags beside the two the store derives. */
class ObjectAttributesTest {

    private static final Retention RETENTION =
            new Retention("recording", Instant.parse("2027-05-25T00:00:00Z"), LockMode.GOVERNANCE);

    private static ObjectAttributes withTags(Map<String, String> tags) {
        return new ObjectAttributes("audio/wav", RETENTION, false, tags);
    }

    @Test
    void theShortFormHasNoTagsAndNoLegalHold() {
        ObjectAttributes attributes = new ObjectAttributes("audio/wav", RETENTION);

        assertThat(attributes.tags()).isEmpty();
        assertThat(attributes.legalHold()).isFalse();
    }

    @Test
    void eightTagsAreAllowedButNineAreNot() {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < ObjectAttributes.MAX_TAGS; i++) {
            tags.put("tag" + i, "value " + i);
        }
        assertThat(withTags(tags).tags()).hasSize(8);

        tags.put("one-more", "x");
        assertThatThrownBy(() -> withTags(tags))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8");
    }

    @Test
    void theTagsAreCopiedSoTheCallerCannotChangeThemLater() {
        Map<String, String> tags = new HashMap<>(Map.of("service", "banking"));
        ObjectAttributes attributes = withTags(tags);

        tags.put("service", "private");

        assertThat(attributes.tags()).containsExactly(Map.entry("service", "banking"));
        assertThatThrownBy(() -> attributes.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTagWithCharactersS3RefusesIsRejected() {
        assertThatThrownBy(() -> withTags(Map.of("caller", "+32 2 278 50 44 é")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withTags(Map.of("", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withTags(Map.of("k".repeat(129), "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withTags(Map.of("k", "v".repeat(257)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(withTags(Map.of("k", "")).tags()).containsEntry("k", "");
    }

    @Test
    void theTagsTheStoreDerivesFromTheRetentionCannotBeSetByHand() {
        assertThatThrownBy(() -> withTags(Map.of("retention-class", "banking-recording")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set by the store");
        assertThatThrownBy(() -> withTags(Map.of("retain-until", "2099-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContentTypeAndARetentionAreRequired() {
        assertThatThrownBy(() -> new ObjectAttributes(null, RETENTION)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ObjectAttributes("audio/wav", null)).isInstanceOf(NullPointerException.class);
    }
}
