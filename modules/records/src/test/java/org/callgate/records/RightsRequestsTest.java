package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.RequestStatus;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;
import org.callgate.store.ObjectKey;
import org.callgate.store.TestProfiles;
import org.callgate.store.file.FileRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register of data-subject requests in a real file store: steps, reloads, deadlines (R12, R20, R22). */
class RightsRequestsTest {

    private static final Instant RECEIVED = Instant.parse("2027-01-31T09:00:00Z");
    private static final DataSubject MARIE = new DataSubject(
            List.of(PhoneNumber.parse("0475 12 34 56")), List.of("D2027-000001"), "Marie Dubois", "marie@example.be");

    @TempDir
    Path dir;

    private FileRecordingStore store;
    private RightsRequests register;

    @BeforeEach
    void open() throws Exception {
        store = new FileRecordingStore(dir.resolve("store"), Clock.fixed(RECEIVED, ZoneOffset.UTC));
        register = RightsRequests.load(store, TestProfiles.DEFAULT, Clock.fixed(RECEIVED, ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private RightsRequests reloadedAt(Instant now) throws Exception {
        return RightsRequests.load(store, TestProfiles.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void eachStepIsItsOwnStoredObjectKeptThreeYearsFromReceiptAndAReloadSeesTheLast() throws Exception {
        RightsRequest opened = register.open(RequestType.ERASURE, MARIE, null, "letter", "dpo");
        register.step(opened.id(), r -> r.verify("ID card at the desk", "anna", RECEIVED.plusSeconds(60)));
        register.step(opened.id(), r -> r.answer("sampled recording erased", "dpo", RECEIVED.plusSeconds(120)));

        List<ObjectKey> steps = store.list("requests/" + opened.id() + "/");
        assertThat(steps)
                .extracting(key -> key.value().substring(key.value().lastIndexOf('/') + 1))
                .containsExactly("000-open.json", "001-verified.json", "002-answered.json");
        for (ObjectKey step : steps) {
            var info = store.head(step).orElseThrow();
            assertThat(info.retention().retentionClass()).isEqualTo("request");
            assertThat(info.retention().retainUntil()).isEqualTo("2030-01-31T09:00:00Z");
        }

        RightsRequest reloaded = reloadedAt(RECEIVED).find(opened.id()).orElseThrow();
        assertThat(reloaded.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(reloaded.subject()).isEqualTo(MARIE);
        assertThat(reloaded.verification().method()).isEqualTo("ID card at the desk");
        assertThat(reloaded.closing().text()).isEqualTo("sampled recording erased");
    }

    @Test
    void stepsAfterAReloadAreNumberedOnAndARefusedStepIsNotStored() throws Exception {
        RightsRequest opened = register.open(RequestType.ACCESS, MARIE, null, "e-mail", "dpo");
        RightsRequests again = reloadedAt(RECEIVED);

        again.step(opened.id(), r -> r.verify("call back to the number on file", "sam", RECEIVED));
        assertThatThrownBy(() -> again.step(opened.id(), r -> r.verify("twice", "sam", RECEIVED)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> again.step("R-none", r -> r)).hasMessageContaining("no request R-none");

        assertThat(store.list("requests/" + opened.id() + "/")).hasSize(2);
        assertThat(store.list("requests/" + opened.id() + "/").get(1).value()).endsWith("/001-verified.json");
    }

    @Test
    void aRequestPastItsDueDateIsOverdueAndOneDueWithinAWeekIsDueSoon() throws Exception {
        RightsRequest late = register.open(RequestType.ACCESS, MARIE, RECEIVED, "letter", "dpo");
        RightsRequest recent =
                register.open(RequestType.OBJECTION, MARIE, RECEIVED.plus(Duration.ofDays(5)), "desk", "dpo");
        RightsRequest answered = register.open(RequestType.ERASURE, MARIE, RECEIVED, "letter", "dpo");
        register.step(answered.id(), r -> r.refuse("identity not proven", "dpo", RECEIVED.plusSeconds(5)));

        Instant monthAndADay = Instant.parse("2027-03-01T09:00:00Z");
        RightsRequests later = reloadedAt(monthAndADay);

        assertThat(later.overdue(monthAndADay)).extracting(RightsRequest::id).containsExactly(late.id());
        assertThat(later.dueSoon(monthAndADay)).extracting(RightsRequest::id).containsExactly(recent.id());
        assertThat(later.list(false)).extracting(RightsRequest::id).containsExactly(late.id(), recent.id());
        assertThat(later.list(true)).hasSize(3);
    }

    @Test
    void anObjectionThatIsNotRefusedStopsRecordingTheCallersNumbersFromItsOpeningOn() throws Exception {
        var objections = register.objections(ObjectionList.of(java.util.Set.of("+3222785044")));
        assertThat(objections.objects("+32475123456")).isFalse();

        RightsRequest access = register.open(RequestType.ACCESS, MARIE, null, "letter", "dpo");
        assertThat(objections.objects("+32475123456")).isFalse();
        RightsRequest objection = register.open(RequestType.OBJECTION, MARIE, null, "desk", "dpo");

        assertThat(objections.objects("+32475123456")).isTrue();
        assertThat(objections.objects("+3222785044")).isTrue(); // the configured list still counts
        assertThat(objections.objects("+32478999888")).isFalse();
        assertThat(reloadedAt(RECEIVED).objections(ObjectionList.NONE).objects("+32475123456"))
                .isTrue();

        register.step(objection.id(), r -> r.refuse("not the line's subscriber", "dpo", RECEIVED));
        assertThat(objections.objects("+32475123456")).isFalse();
        assertThat(access.type()).isEqualTo(RequestType.ACCESS);
    }

    @Test
    void aWithdrawalOfSurveyConsentThatIsNotRefusedNamesTheCallersNumbers() throws Exception {
        var withdrawals = register.surveyWithdrawals();
        register.open(RequestType.OBJECTION, MARIE, null, "desk", "dpo");
        assertThat(withdrawals.withdrawn("+32475123456")).isFalse();

        RightsRequest withdrawal = register.open(RequestType.WITHDRAWAL, MARIE, null, "desk", "dpo");
        assertThat(withdrawals.withdrawn("+32475123456")).isTrue();
        assertThat(withdrawals.withdrawn("+32478999888")).isFalse();

        register.step(withdrawal.id(), r -> r.refuse("not the subscriber", "dpo", RECEIVED));
        assertThat(withdrawals.withdrawn("+32475123456")).isFalse();
    }
}
