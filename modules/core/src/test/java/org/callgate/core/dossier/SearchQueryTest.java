package org.callgate.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callgate.core.PhoneNumber;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void whatAnAgentTypesIsReadAsTheCriterionItLooksLike() {
        assertThat(SearchQuery.of("0032 2 278 50 44").phone()).isEqualTo(PhoneNumber.parse("+3222785044"));
        assertThat(SearchQuery.of("be71 0961 2345 6769").iban()).isEqualTo(Iban.parse("BE71096123456769"));
        assertThat(SearchQuery.of("d2026-000123").dossier()).isEqualTo("D2026-000123");
        assertThat(SearchQuery.of("cd 123456789 be").barcode()).isEqualTo("CD123456789BE");
        assertThat(SearchQuery.of("3232 9996 0000 0123 45").barcode()).isEqualTo("323299960000012345");
        assertThat(SearchQuery.of("Van den Bossche").name()).isEqualTo("Van den Bossche");
    }

    @Test
    void aQueryWithoutCriteriaBrowsesAndAQueryWithOneDoesNot() {
        assertThat(SearchQuery.all().withService("banking").browsing()).isTrue();
        assertThat(SearchQuery.of("Dubois").browsing()).isFalse();
    }

    @Test
    void aPageBeyondTheLimitsIsRefused() {
        assertThatThrownBy(() -> SearchQuery.all().page(0, SearchQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> SearchQuery.all().page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
