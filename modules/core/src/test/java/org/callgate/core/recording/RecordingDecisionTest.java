package org.callgate.core.recording;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.callgate.core.recording.Recording.Reason;
import org.junit.jupiter.api.Test;

/** The recording decision (R7, R8, R10, objections): who is recorded, why, and for how long. */
class RecordingDecisionTest {

    private static final int CALLS = 10_000;
    /** z for a two-sided 99.9 % interval of the normal approximation to the binomial. */
    private static final double Z_999 = 3.2905;

    private final RecordingDecision half = new RecordingDecision(0.5, "auditor-shared-key", Set.of("banking"));

    @Test
    void aBankingCallIsAlwaysRecordedForTenYearsEvenWhenTheCallerObjected() {
        List<String> ids = randomCallIds(200, 1);

        for (String id : ids) {
            assertThat(half.decide(id, "banking", true, null))
                    .isEqualTo(new Recording(true, Reason.BANKING_MIFID, "banking-recording", false));
            assertThat(half.decide(id, "banking", false, null).reason()).isEqualTo(Reason.BANKING_MIFID);
        }
    }

    @Test
    void aBankingCallIsRecordedEvenAtRateZero() {
        RecordingDecision never = new RecordingDecision(0, "k", Set.of("banking"));

        assertThat(never.decide("anything", "banking", false, null).recorded()).isTrue();
    }

    @Test
    void aCallerWhoObjectedIsNotRecordedOnANonBankingService() {
        RecordingDecision always = new RecordingDecision(1, "k", Set.of("banking"));

        assertThat(always.decide("c1", "private", true, true))
                .isEqualTo(new Recording(false, Reason.OBJECTION, null, false));
    }

    @Test
    void theSampledShareOfTenThousandRandomCallsIsWithinTheBinomialInterval() {
        for (double rate : new double[] {0.5, 0.1, 0.9}) {
            RecordingDecision decision = new RecordingDecision(rate, "sampling-key-" + rate, Set.of("banking"));
            long sampled =
                    randomCallIds(CALLS, 42).stream().filter(decision::sampled).count();

            double halfWidth = Z_999 * Math.sqrt(CALLS * rate * (1 - rate));
            assertThat((double) sampled)
                    .as("rate %s", rate)
                    .isBetween(CALLS * rate - halfWidth, CALLS * rate + halfWidth);
        }
    }

    @Test
    void aSampledCallIsRecordedSixMonthsAndAnUnsampledOneIsNot() {
        List<String> ids = randomCallIds(100, 7);
        String in = ids.stream().filter(half::sampled).findFirst().orElseThrow();
        String out = ids.stream().filter(id -> !half.sampled(id)).findFirst().orElseThrow();

        assertThat(half.decide(in, "private", false, null))
                .isEqualTo(new Recording(true, Reason.SAMPLED, "recording", false));
        assertThat(half.decide(out, "private", false, null))
                .isEqualTo(new Recording(false, Reason.NOT_SAMPLED, null, false));
    }

    @Test
    void theSameCallIdAndKeyAlwaysGiveTheSameAnswer() {
        RecordingDecision again = new RecordingDecision(0.5, "auditor-shared-key", Set.of("banking"));

        for (String id : randomCallIds(1000, 3)) {
            assertThat(again.sampled(id)).isEqualTo(half.sampled(id));
            assertThat(again.decide(id, "business", false, null)).isEqualTo(half.decide(id, "business", false, null));
        }
    }

    @Test
    void anotherKeyDrawsAnotherSample() {
        RecordingDecision otherKey = new RecordingDecision(0.5, "another-key", Set.of("banking"));
        List<String> ids = randomCallIds(CALLS, 5);

        long differ = ids.stream()
                .filter(id -> otherKey.sampled(id) != half.sampled(id))
                .count();

        // Independent samples at 0.5 disagree on half of the calls; the same sample on none.
        assertThat(differ).isBetween(4500L, 5500L);
    }

    @Test
    void anAuditorWithTheKeyReproducesTheSampleFromTheFirstEightBytesOfTheHmac() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("auditor-shared-key".getBytes(UTF_8), "HmacSHA256"));
        for (String id : randomCallIds(500, 11)) {
            byte[] digest = mac.doFinal(id.getBytes(UTF_8));
            java.math.BigInteger u = new java.math.BigInteger(1, java.util.Arrays.copyOf(digest, 8));

            // rate 0.5: sampled when u < 0.5 × 2^64 = 2^63
            assertThat(half.sampled(id))
                    .as("call %s, u %s", id, u)
                    .isEqualTo(u.compareTo(java.math.BigInteger.ONE.shiftLeft(63)) < 0);
        }
    }

    @Test
    void rateZeroRecordsNoSampledCallAndRateOneEveryCall() {
        RecordingDecision never = new RecordingDecision(0, "k", Set.of("banking"));
        RecordingDecision always = new RecordingDecision(1, "k", Set.of("banking"));

        for (String id : randomCallIds(2000, 9)) {
            assertThat(never.decide(id, "private", false, null).reason()).isEqualTo(Reason.NOT_SAMPLED);
            assertThat(always.decide(id, "private", false, null).reason()).isEqualTo(Reason.SAMPLED);
        }
    }

    @Test
    void whichServicesAreBankingComesFromConfiguration() {
        RecordingDecision decision = new RecordingDecision(0, "k", Set.of("postinfo", "investments"));

        assertThat(decision.decide("c", "investments", false, null).reason()).isEqualTo(Reason.BANKING_MIFID);
        assertThat(decision.decide("c", "banking", false, null).reason()).isEqualTo(Reason.NOT_SAMPLED);
    }

    @Test
    void theSurveyMayBeRecordedOnlyWithConsentAndWithoutObjection() {
        RecordingDecision always = new RecordingDecision(1, "k", Set.of("banking"));

        assertThat(always.decide("c", "private", false, true).survey()).isTrue();
        assertThat(always.decide("c", "private", false, false).survey()).isFalse();
        assertThat(always.decide("c", "private", false, null).survey()).isFalse();
        assertThat(always.decide("c", "banking", true, true).survey()).isFalse();
    }

    @Test
    void aRateOutsideZeroToOneOrAnEmptyKeyIsRefused() {
        assertThatThrownBy(() -> new RecordingDecision(1.5, "k", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordingDecision(-0.1, "k", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordingDecision(Double.NaN, "k", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordingDecision(0.5, "", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeaderValueNamesDecisionReasonAndClass() {
        assertThat(new Recording(true, Reason.BANKING_MIFID, "banking-recording", false).headerValue())
                .isEqualTo("yes;reason=banking-mifid;class=banking-recording");
        assertThat(new Recording(true, Reason.SAMPLED, "recording", false).headerValue())
                .isEqualTo("yes;reason=sampled;class=recording");
        assertThat(new Recording(false, Reason.NOT_SAMPLED, null, false).headerValue())
                .isEqualTo("no;reason=not-sampled");
        assertThat(new Recording(false, Reason.OBJECTION, null, false).headerValue())
                .isEqualTo("no;reason=objection");
    }

    @Test
    void aRecordingWithoutRetentionClassOrAnUnrecordedOneWithOneIsRefused() {
        assertThatThrownBy(() -> new Recording(true, Reason.SAMPLED, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recording(false, Reason.SAMPLED, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recording(false, Reason.NOT_SAMPLED, "recording", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theObjectionListMatchesE164Numbers() {
        ObjectionList list = ObjectionList.of(Set.of("+32475123456"));

        assertThat(list.objects("+32475123456")).isTrue();
        assertThat(list.objects("+32475000000")).isFalse();
        assertThat(ObjectionList.NONE.objects("+32475123456")).isFalse();
    }

    /** Call ids shaped like callgate's (24 hex digits), from a seeded generator. */
    private static List<String> randomCallIds(int count, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    byte[] bytes = new byte[12];
                    random.nextBytes(bytes);
                    return HexFormat.of().formatHex(bytes);
                })
                .toList();
    }
}
