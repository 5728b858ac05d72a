package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a retention forbids deleting or weakening it: the rules of S3 Object Lock (R7, R8). */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(183));

    private static Retention retention(LockMode mode, Instant until) {
        return new Retention("recording", until, mode);
    }

    @Test
    void aComplianceRetentionLocksEvenWithTheBypass() {
        Retention compliance = retention(LockMode.COMPLIANCE, UNTIL);

        assertThat(compliance.locks(NOW, false)).isTrue();
        assertThat(compliance.locks(NOW, true)).isTrue();
    }

    @Test
    void aGovernanceRetentionLocksOnlyWithoutTheBypass() {
        Retention governance = retention(LockMode.GOVERNANCE, UNTIL);

        assertThat(governance.locks(NOW, false)).isTrue();
        assertThat(governance.locks(NOW, true)).isFalse();
    }

    @Test
    void noRetentionLocksFromItsRetainUntilOn() {
        for (LockMode mode : LockMode.values()) {
            assertThat(retention(mode, UNTIL).locks(UNTIL, false))
                    .as(mode.name())
                    .isFalse();
            assertThat(retention(mode, UNTIL).locks(UNTIL.plusSeconds(1), false))
                    .as(mode.name())
                    .isFalse();
        }
        assertThat(retention(LockMode.COMPLIANCE, UNTIL).locks(UNTIL.minusMillis(1), true))
                .isTrue();
    }

    @Test
    void aRetentionWithoutLockModeNeverLocks() {
        assertThat(retention(LockMode.NONE, UNTIL).locks(NOW, false)).isFalse();
    }

    @Test
    void aComplianceRetentionCanBeKeptOrExtendedButNotShortenedOrChanged() {
        Retention compliance = retention(LockMode.COMPLIANCE, UNTIL);

        assertThat(compliance.refusalToChangeTo(compliance, false)).isNull();
        assertThat(compliance.refusalToChangeTo(retention(LockMode.COMPLIANCE, UNTIL.plusSeconds(1)), false))
                .isNull();
        assertThat(compliance.refusalToChangeTo(retention(LockMode.COMPLIANCE, UNTIL.minusSeconds(1)), true))
                .contains("can only be extended");
        assertThat(compliance.refusalToChangeTo(retention(LockMode.GOVERNANCE, UNTIL.plusSeconds(1)), true))
                .contains("can only be extended");
        assertThat(compliance.refusalToChangeTo(retention(LockMode.NONE, UNTIL), true))
                .isNotNull();
    }

    @Test
    void aGovernanceRetentionIsShortenedOrChangedOnlyWithTheBypass() {
        Retention governance = retention(LockMode.GOVERNANCE, UNTIL);
        Retention shorter = retention(LockMode.GOVERNANCE, UNTIL.minusSeconds(1));
        Retention compliance = retention(LockMode.COMPLIANCE, UNTIL.plusSeconds(1));

        assertThat(governance.refusalToChangeTo(retention(LockMode.GOVERNANCE, UNTIL.plusSeconds(1)), false))
                .isNull();
        assertThat(governance.refusalToChangeTo(shorter, false)).contains("governance bypass");
        assertThat(governance.refusalToChangeTo(shorter, true)).isNull();
        assertThat(governance.refusalToChangeTo(compliance, false)).contains("governance bypass");
        assertThat(governance.refusalToChangeTo(compliance, true)).isNull();
    }

    @Test
    void aRetentionWithoutLockModeMayBeChangedToAnything() {
        Retention none = retention(LockMode.NONE, UNTIL);

        assertThat(none.refusalToChangeTo(retention(LockMode.NONE, NOW), false)).isNull();
        assertThat(none.refusalToChangeTo(retention(LockMode.COMPLIANCE, NOW), false))
                .isNull();
    }

    @Test
    void aRetentionNeedsAClassAnInstantAndAMode() {
        assertThatThrownBy(() -> new Retention(" ", UNTIL, LockMode.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retention(null, UNTIL, LockMode.NONE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Retention("recording", null, LockMode.NONE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Retention("recording", UNTIL, null)).isInstanceOf(NullPointerException.class);
    }
}
