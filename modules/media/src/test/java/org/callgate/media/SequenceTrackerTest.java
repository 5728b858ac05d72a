package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceTrackerTest {

    private static final long SSRC = 0xCAFEL;
    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void nothingIsLostWhenEveryPacketArrivesInOrder() {
        receive(100, 101, 102, 103);

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).isEqualTo(103);
    }

    @Test
    void aGapCountsTheMissingPackets() {
        receive(1, 2, 5, 6, 9);

        assertThat(tracker.lost()).isEqualTo(4);
    }

    @Test
    void theWrapFrom65535To0IsJustTheNextPacket() {
        receive(65534, 65535, 0, 1);

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).as("extended sequence number").isEqualTo(65536 + 1);
    }

    @Test
    void aGapAcrossTheWrapIsCounted() {
        receive(65533, 65534, 1, 2);

        assertThat(tracker.lost()).as("65535 and 0 missing").isEqualTo(2);
    }

    @Test
    void manyWrapsKeepExtendingTheSequenceNumber() {
        int seq = 0;
        for (int i = 0; i < 3 * 65536; i++) {
            tracker.update(SSRC, seq);
            seq = (seq + 1) & 0xFFFF;
        }

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).isEqualTo(3L * 65536 - 1);
    }

    @Test
    void duplicatesChangeNothing() {
        receive(1, 2, 2, 3, 3, 3, 4);

        assertThat(tracker.lost()).isZero();
    }

    @Test
    void aDuplicateOfALostPacketsNeighbourDoesNotHideTheLoss() {
        receive(1, 2, 4, 4, 4);

        assertThat(tracker.lost())
                .as("unlike expected - received, duplicates do not cancel loss")
                .isOne();
    }

    @Test
    void aLatePacketIsTakenOffTheLossOnce() {
        receive(1, 2, 4, 5);
        assertThat(tracker.lost()).isOne();

        receive(3, 3);

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).isEqualTo(5);
    }

    @Test
    void reorderingAcrossTheWrapIsNotLoss() {
        receive(65534, 0, 65535, 1);

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).isEqualTo(65536 + 1);
    }

    @Test
    void aPacketFromBeforeTheFirstOneNeitherCountsNorGoesNegative() {
        receive(100, 99, 98, 101);

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).isEqualTo(101);
    }

    @Test
    void aPacketLaterThanTheWindowStaysCountedAsLost() {
        tracker.update(SSRC, 0);
        for (int seq = 2; seq <= 80; seq++) {
            tracker.update(SSRC, seq);
        }
        assertThat(tracker.lost()).isOne();

        tracker.update(SSRC, 1);

        assertThat(tracker.lost()).isOne();
    }

    @Test
    void aLargeGapWithinTheDropoutLimitIsCounted() {
        receive(10, 10 + SequenceTracker.MAX_DROPOUT - 1);

        assertThat(tracker.lost()).isEqualTo(SequenceTracker.MAX_DROPOUT - 2);
    }

    @Test
    void aSingleWildJumpIsIgnored() {
        receive(10, 11, 40000, 12, 13);

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).isEqualTo(13);
    }

    @Test
    void aJumpFollowedByTheNextPacketIsASenderRestartNotLoss() {
        receive(10, 11, 8);
        receive(40000, 40001, 40002);

        assertThat(tracker.lost()).isZero();
        assertThat(tracker.highest()).isEqualTo(40002);

        receive(40004);
        assertThat(tracker.lost()).isOne();
    }

    @Test
    void aNewSsrcStartsANewStreamAndKeepsTheLossSoFar() {
        receive(1, 3);
        assertThat(tracker.lost()).isOne();

        tracker.update(SSRC + 1, 50000);
        tracker.update(SSRC + 1, 50001);
        tracker.update(SSRC + 1, 50003);

        assertThat(tracker.lost()).isEqualTo(2);
        assertThat(tracker.highest()).isEqualTo(50003);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2024, 65535})
    void lossEqualsTheNumberOfDroppedPacketsUnderReorderingDuplicatesAndWrap(long seed) {
        Random random = new Random(seed);
        int start = 65536 - 500;
        int count = 3000;
        List<Integer> arrivals = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < count; i++) {
            boolean keep = i == 0 || i == count - 1 || random.nextInt(100) >= 5;
            if (!keep) {
                dropped++;
                continue;
            }
            arrivals.add(i);
            if (random.nextInt(100) < 3) {
                arrivals.add(i);
            }
        }
        shuffleLocally(arrivals, random, 20);

        for (int i : arrivals) {
            tracker.update(SSRC, (start + i) & 0xFFFF);
        }

        assertThat(tracker.lost()).isEqualTo(dropped);
        assertThat(tracker.highest()).isEqualTo(start + count - 1);
    }

    /** Moves packets by fewer than {@code distance} places, keeping the first and the last. */
    private static void shuffleLocally(List<Integer> packets, Random random, int distance) {
        for (int from = 1; from + distance < packets.size() - 1; from += distance) {
            Collections.shuffle(packets.subList(from, from + distance), random);
        }
    }

    private void receive(int... sequence) {
        for (int seq : sequence) {
            tracker.update(SSRC, seq);
        }
    }
}
