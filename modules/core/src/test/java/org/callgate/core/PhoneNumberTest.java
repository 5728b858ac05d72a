package org.callgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "02 278 50 44",
                "+32 2 278 50 44",
                "0032 2 278 50 44",
                "022785044",
                "+3222785044",
                "3222785044",
                "02/278.50.44",
                "(02) 278-50-44",
                "+3222785044;phone-context=example.com",
                "tel:+32-2-278-50-44"
            })
    void everyUsualFormOfTheSameNumberNormalisesToOneE164Number(String written) {
        assertThat(PhoneNumber.parse(written).e164()).isEqualTo("+3222785044");
    }

    @Test
    void aBelgianMobileNumberIsRecognisedAsMobile() {
        assertThat(PhoneNumber.parse("0475 12 34 56").e164()).isEqualTo("+32475123456");
        assertThat(PhoneNumber.parse("0475 12 34 56").isBelgianMobile()).isTrue();
        assertThat(PhoneNumber.parse("02 278 50 44").isBelgianMobile()).isFalse();
    }

    @Test
    void aForeignNumberKeepsItsCountryCode() {
        assertThat(PhoneNumber.parse("0033 1 23 45 67 89").e164()).isEqualTo("+33123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "queue-private", "12ab", "+1234", "+1234567890123456"})
    void textThatIsNotANumberIsRejectedWithAReason(String text) {
        assertThatThrownBy(() -> PhoneNumber.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(number|digits).*");
        assertThat(PhoneNumber.tryParse(text)).isEmpty();
    }
}
