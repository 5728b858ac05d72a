package org.callgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceDirectoryTest {

    private final ServiceLine privateLine =
            new ServiceLine("private", "Private customers", PhoneNumber.parse("02 278 50 44"), "sip:private@queue");
    private final ServiceLine business =
            new ServiceLine("business", "Business customers", PhoneNumber.parse("02 201 11 11"), "sip:business@queue");

    @Test
    void aDialledNumberInAnyFormFindsItsServiceLine() {
        ServiceDirectory directory = new ServiceDirectory(List.of(privateLine, business));

        assertThat(directory.lookup("0032 2 201 11 11")).contains(business);
        assertThat(directory.lookup("+3222785044")).contains(privateLine);
    }

    @Test
    void theLinesAreListedInTheOrderTheyWereConfigured() {
        List<ServiceLine> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new ServiceLine(
                    "line-" + i, "Line " + i, PhoneNumber.parse("+3222000" + (100 + i)), "sip:q" + i + "@y"));
        }

        assertThat(new ServiceDirectory(many).lines()).containsExactlyElementsOf(many);
    }

    @Test
    void aNumberThatIsNoServiceLineFindsNothing() {
        ServiceDirectory directory = new ServiceDirectory(List.of(privateLine));

        assertThat(directory.lookup("+3225551234")).isEmpty();
        assertThat(directory.lookup("not-a-number")).isEmpty();
    }

    @Test
    void twoLinesWithTheSameNumberAreRefused() {
        ServiceLine copy = new ServiceLine("copy", "Copy", PhoneNumber.parse("+3222785044"), "sip:x@y");

        assertThatThrownBy(() -> new ServiceDirectory(List.of(privateLine, copy)))
                .hasMessageContaining("'private' and 'copy' share the number +3222785044");
    }
}
