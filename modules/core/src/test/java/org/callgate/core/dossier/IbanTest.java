package org.callgate.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IbanTest {

    @Test
    void anIbanWrittenWithSpacesOrInLowerCaseIsTheSameIban() {
        assertThat(Iban.parse("be71 0961 2345 6769")).isEqualTo(Iban.parse("BE71096123456769"));
    }

    @Test
    void wrongCheckDigitsAreRefusedWithAReason() {
        assertThatThrownBy(() -> Iban.parse("BE72 0961 2345 6769"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digits");
        assertThat(Iban.tryParse("BE72 0961 2345 6769")).isEmpty();
        assertThat(Iban.tryParse("hello")).isEmpty();
    }

    @Test
    void theMaskedFormShowsOnlyTheCountryAndTheLastFourCharacters() {
        Iban iban = Iban.parse("BE71 0961 2345 6769");

        assertThat(iban.masked()).isEqualTo("BE** **** **** 6769");
        assertThat(iban.toString()).isEqualTo(iban.masked());
        assertThat(Iban.parse("NL91ABNA0417164300").masked()).isEqualTo("NL** **** **** **43 00");
    }
}
