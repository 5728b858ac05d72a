package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RingPoolTest {

    @Test
    void aRingGivenBackIsTakenAgainSilenced() {
        RingPool pool = new RingPool(4);
        short[][] ring = pool.take(8);
        ring[0][3] = 1234;
        ring[1][7] = -99;

        pool.give(ring);
        short[][] again = pool.take(8);

        assertThat(again).isSameAs(ring);
        assertThat(again[0]).containsOnly((short) 0);
        assertThat(again[1]).containsOnly((short) 0);
    }

    @Test
    void thePoolKeepsNoMoreRingsThanItsCapacity() {
        RingPool pool = new RingPool(2);

        pool.give(pool.take(8));
        pool.give(new short[][] {new short[8], new short[8]});
        pool.give(new short[][] {new short[8], new short[8]});

        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void aRingOfAnotherSizeIsNotHandedOut() {
        RingPool pool = new RingPool(2);
        short[][] small = pool.take(8);
        pool.give(small);

        short[][] large = pool.take(16);

        assertThat(large).isNotSameAs(small);
        assertThat(large[0]).hasSize(16);
        assertThat(large[1]).hasSize(16);
    }
}
