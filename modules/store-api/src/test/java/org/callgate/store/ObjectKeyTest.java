package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Object keys are portable names that never leave the store's root. */
class ObjectKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "recordings/2026/11/25/call-1.wav", "x=1+2_3.json", "...", "a.b/c..d"})
    void aKeyOfSafeSegmentsIsAccepted(String value) {
        assertThat(ObjectKey.of(value).value()).isEqualTo(value);
    }

    static Stream<String> unsafeKeys() {
        return Stream.of(
                "",
                "..",
                ".",
                "../etc/passwd",
                "a/../../b",
                "a/./b",
                "/a",
                "a/",
                "a//b",
                "a\\b",
                "a b",
                "a:b",
                "é",
                "x".repeat(ObjectKey.MAX_LENGTH + 1));
    }

    @ParameterizedTest
    @MethodSource("unsafeKeys")
    void aKeyThatCouldEscapeTheRootOrIsNotPortableCannotBeBuilt(String value) {
        assertThatThrownBy(() -> ObjectKey.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyOfTheMaximumLengthIsAccepted() {
        assertThat(ObjectKey.of("x".repeat(ObjectKey.MAX_LENGTH)).value()).hasSize(ObjectKey.MAX_LENGTH);
    }

    @Test
    void aNullKeyCannotBeBuilt() {
        assertThatThrownBy(() -> ObjectKey.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSuffixMakesTheKeyOfTheCompanionObject() {
        assertThat(ObjectKey.of("recordings/x.wav").withSuffix(".json"))
                .isEqualTo(ObjectKey.of("recordings/x.wav.json"));
        assertThatThrownBy(() -> ObjectKey.of("a").withSuffix("/../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysSortAndPrintAsTheirValue() {
        List<ObjectKey> keys = Stream.of("rec/b", "rec/a.wav", "rec/a.json")
                .map(ObjectKey::of)
                .sorted()
                .toList();

        assertThat(keys).extracting(ObjectKey::toString).containsExactly("rec/a.json", "rec/a.wav", "rec/b");
    }
}
