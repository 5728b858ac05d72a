package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A byte range is inclusive at both ends, like an HTTP Range header (RFC 9110 §14.1.2). */
class ByteRangeTest {

    @Test
    void aRangeInsideTheObjectTakesBothEnds() {
        assertThat(new ByteRange(10, 19).lengthIn(1000)).isEqualTo(10);
        assertThat(new ByteRange(5, 5).lengthIn(1000)).isEqualTo(1);
    }

    @Test
    void aRangePastTheEndStopsAtTheEnd() {
        assertThat(new ByteRange(995, 5000).lengthIn(1000)).isEqualTo(5);
        assertThat(ByteRange.from(990).lengthIn(1000)).isEqualTo(10);
        assertThat(ByteRange.ALL.lengthIn(1000)).isEqualTo(1000);
    }

    @Test
    void aRangeStartingAtOrAfterTheEndTakesNothing() {
        assertThat(ByteRange.from(1000).lengthIn(1000)).isZero();
        assertThat(new ByteRange(2000, 3000).lengthIn(1000)).isZero();
        assertThat(ByteRange.ALL.lengthIn(0)).isZero();
    }

    @Test
    void aRangeEndingBeforeItStartsOrStartingBelowZeroCannotBeBuilt() {
        assertThatThrownBy(() -> new ByteRange(10, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteRange(-1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteRange.from(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
