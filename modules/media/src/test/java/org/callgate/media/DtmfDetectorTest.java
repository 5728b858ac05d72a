package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Once-per-press reporting of RFC 4733 events, fed packet by packet. */
class DtmfDetectorTest {

    private static final long SSRC = 0x1234_5678L;
    private static final int KEY_5 = 5;
    private static final int STAR = 10;
    private static final int FLASH = 16;

    private final List<Character> keys = new ArrayList<>();
    private final DtmfDetector detector = new DtmfDetector(keys::add);

    @Test
    void aPressWithThreeEndRetransmissionsIsReportedOnceWhenTheFirstEndArrives() {
        press(1000, KEY_5, 4, false);
        assertThat(keys).as("not before the end").isEmpty();

        detector.update(SSRC, 1000, KEY_5, true);
        assertThat(keys).containsExactly('5');

        detector.update(SSRC, 1000, KEY_5, true);
        detector.update(SSRC, 1000, KEY_5, true);
        assertThat(keys).containsExactly('5');
    }

    @Test
    void twoPressesOfTheSameKeyAreTwoKeys() {
        press(1000, KEY_5, 3, true);
        press(9000, KEY_5, 3, true);

        assertThat(keys).containsExactly('5', '5');
    }

    @Test
    void aPressWhoseEndPacketsWereLostIsReportedWhenTheNextOneStarts() {
        press(1000, 1, 3, false);
        assertThat(keys).isEmpty();

        detector.update(SSRC, 5000, 2, false);
        assertThat(keys).containsExactly('1');

        detector.update(SSRC, 5000, 2, true);
        assertThat(keys).containsExactly('1', '2');
    }

    @Test
    void aPressSeenOnlyByItsEndPacketsIsReportedOnce() {
        detector.update(SSRC, 1000, STAR, true);
        detector.update(SSRC, 1000, STAR, true);

        assertThat(keys).containsExactly('*');
    }

    @Test
    void eventsThatAreNotDtmfKeysAreIgnored() {
        press(1000, FLASH, 3, true);
        press(5000, 12, 3, true); // 'A'
        press(9000, 255, 1, true);

        assertThat(keys).isEmpty();
    }

    @Test
    void aNonDtmfEventStillEndsAPressWhoseEndWasLost() {
        press(1000, 9, 2, false);
        press(5000, FLASH, 2, true);

        assertThat(keys).containsExactly('9');
    }

    @Test
    void aLateEndPacketOfThePreviousPressIsNotANewPress() {
        press(1000, 3, 2, true);
        press(5000, 4, 2, true);

        detector.update(SSRC, 1000, 3, true);

        assertThat(keys).containsExactly('3', '4');
    }

    @Test
    void aNewStreamReportsThePendingPressOfTheOldOne() {
        press(1000, 7, 2, false);

        detector.update(SSRC + 1, 1000, 8, true);

        assertThat(keys).containsExactly('7', '8');
    }

    @Test
    void timestampsWrappingPast32BitsAreStillDifferentPresses() {
        press(0xFFFF_FF00L, 0, 2, true);
        press(0x0000_0100L, 0, 2, true);

        assertThat(keys).containsExactly('0', '0');
    }

    @Test
    void everyKeyOfRfc4733IsReported() {
        for (int event = 0; event <= 11; event++) {
            press(1000L + 10_000L * event, event, 1, true);
        }

        assertThat(keys).containsExactly('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#');
    }

    /** {@code updates} packets of one event, then three end packets if {@code ends}. */
    private void press(long timestamp, int event, int updates, boolean ends) {
        for (int i = 0; i < updates; i++) {
            detector.update(SSRC, timestamp, event, false);
        }
        for (int i = 0; ends && i < 3; i++) {
            detector.update(SSRC, timestamp, event, true);
        }
    }

    @Test
    void aReplayedCaptureOfTheSameKeyPressedTwiceCountsTwice() {
        java.util.List<Character> pressed = new java.util.ArrayList<>();
        DtmfDetector detector = new DtmfDetector(pressed::add);
        for (long at : new long[] {1_000, 2_000}) {
            detector.update(7, 160, 1, false, at);
            detector.update(7, 160, 1, false, at + 50);
            detector.update(7, 160, 1, true, at + 100);
            detector.update(7, 160, 1, true, at + 120);
            detector.update(7, 160, 1, true, at + 140);
        }

        org.assertj.core.api.Assertions.assertThat(pressed).containsExactly('1', '1');
    }

    @Test
    void aLateUpdateRightAfterTheEndIsNotANewPress() {
        java.util.List<Character> pressed = new java.util.ArrayList<>();
        DtmfDetector detector = new DtmfDetector(pressed::add);
        detector.update(7, 160, 5, true, 1_000);
        detector.update(7, 160, 5, false, 1_030);
        detector.update(7, 160, 5, true, 1_040);

        org.assertj.core.api.Assertions.assertThat(pressed).containsExactly('5');
    }
}
