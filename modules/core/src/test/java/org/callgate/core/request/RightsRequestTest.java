package org.callgate.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The steps of a data-subject request and the rules between them (R12, R20, R22). */
class RightsRequestTest {

    private static final Instant RECEIVED = Instant.parse("2027-01-31T09:00:00Z");
    private static final DataSubject MARIE =
            new DataSubject(List.of(PhoneNumber.parse("0475 12 34 56")), List.of(), "Marie Dubois", null);

    private static RightsRequest received() {
        return RightsRequest.open("R1", RequestType.ERASURE, MARIE, RECEIVED, "letter", "dpo");
    }

    @Test
    void aRequestIsDueOneCalendarMonthAfterItsReceipt() {
        assertThat(received().due()).isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
        assertThat(Deadlines.due(Instant.parse("2027-03-15T00:00:00Z"))).isEqualTo("2027-04-15T00:00:00Z");
    }

    @Test
    void anAnswerNeedsTheRequestersIdentityCheckedFirst() {
        assertThatThrownBy(() -> received().answer("done", "dpo", RECEIVED.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("R22");

        RightsRequest answered = received()
                .verify("ID card at the desk", "anna", RECEIVED.plusSeconds(60))
                .answer("sampled recording erased; banking recording kept (R8)", "dpo", RECEIVED.plusSeconds(120));

        assertThat(answered.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(answered.verification().by()).isEqualTo("anna");
        assertThat(answered.closing().text()).contains("R8");
    }

    @Test
    void anUnverifiedRequestMayBeRefusedWithItsReason() {
        RightsRequest refused = received().refuse("identity not proven", "dpo", RECEIVED.plusSeconds(60));

        assertThat(refused.status()).isEqualTo(RequestStatus.REFUSED);
        assertThatThrownBy(() -> refused.verify("call back", "anna", RECEIVED.plusSeconds(90)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> refused.refuse("again", "dpo", RECEIVED.plusSeconds(90)))
                .hasMessageContaining("refused already");
    }

    @Test
    void anExtensionMovesTheDeadlineAtMostToThreeMonthsAfterReceiptAndNeedsAReason() {
        Instant twoMore = Instant.parse("2027-04-30T09:00:00Z");
        RightsRequest extended = received().extend(twoMore, "many recordings to review", "dpo", RECEIVED);

        assertThat(extended.due()).isEqualTo(twoMore);
        assertThatThrownBy(() -> received().extend(Instant.parse("2027-05-01T09:00:00Z"), "late", "dpo", RECEIVED))
                .hasMessageContaining("three months");
        assertThatThrownBy(() -> received().extend(twoMore, " ", "dpo", RECEIVED))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> received().extend(Instant.parse("2027-02-01T00:00:00Z"), "why", "dpo", RECEIVED))
                .hasMessageContaining("not after");
    }

    @Test
    void overdueAndDueSoonFollowTheClockAndStopWhenTheRequestIsClosed() {
        RightsRequest open = received();
        Instant weekBefore = Instant.parse("2027-02-22T09:00:00Z");

        assertThat(Deadlines.dueSoon(open, RECEIVED)).isFalse();
        assertThat(Deadlines.dueSoon(open, weekBefore)).isTrue();
        assertThat(Deadlines.overdue(open, open.due())).isFalse();
        assertThat(Deadlines.overdue(open, open.due().plusSeconds(1))).isTrue();
        assertThat(Deadlines.dueSoon(open, open.due().plusSeconds(1))).isFalse();

        RightsRequest refused = open.refuse("unfounded", "dpo", weekBefore);
        assertThat(Deadlines.overdue(refused, open.due().plusSeconds(1))).isFalse();
    }

    @Test
    void aSubjectNeedsANumberOrADossierAndAWellFormedEmail() {
        assertThatThrownBy(() -> new DataSubject(List.of(), List.of(), "Marie", "marie@example.be"))
                .hasMessageContaining("telephone number or a dossier");
        assertThatThrownBy(() -> new DataSubject(List.of(), List.of("D2027-000001"), null, "not-an-address"))
                .hasMessageContaining("e-mail");
        assertThat(new DataSubject(List.of(), List.of("D2027-000001"), " ", " ").name())
                .isNull();
    }

    @Test
    void typesAreNamedByTheirWord() {
        assertThat(RequestType.of(" Erasure ")).isEqualTo(RequestType.ERASURE);
        assertThat(RequestType.OBJECTION.word()).isEqualTo("objection");
        assertThatThrownBy(() -> RequestType.of("deletion")).hasMessageContaining("erasure");
    }
}
