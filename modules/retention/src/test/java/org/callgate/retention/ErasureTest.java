package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.IndexedRecord;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.core.request.DataSubject;
import org.callgate.records.Dossiers;
import org.callgate.records.LegalHold;
import org.callgate.records.Reindexer;
import org.callgate.records.Restrictions;
import org.callgate.records.SubjectRecords.Kind;
import org.callgate.store.ObjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erasure request (R12) weighed against what the law keeps: a caller with a banking call and
 * a sampled call, a banking dossier, a survey answer and an SMS. What no law keeps goes from the
 * store, the index, its trace batch and the SMS outbox, and a rebuild of the index does not bring
 * it back; the banking recording (R8) and dossier (R3) stay, restricted, and the answer says why;
 * under a legal hold (R19) nothing goes. Another caller's records are untouched.
 */
class ErasureTest {

    @TempDir
    Path dir;

    private SubjectFixture fixture;
    private RetentionWorld world;
    private Restrictions restrictions;
    private Path outbox;
    private Erasure erasure;
    private Dossier dossier;
    private ObjectKey sampled;
    private ObjectKey banking;
    private ObjectKey survey;
    private ObjectKey otherRecording;
    private ObjectKey otherSurvey;

    @BeforeEach
    void aCallerWithABankingAndASampledCall() throws Exception {
        fixture = new SubjectFixture(dir);
        world = fixture.world;
        restrictions = fixture.restrictions;
        outbox = fixture.outbox;
        dossier = fixture.dossier;
        sampled = fixture.sampled;
        banking = fixture.banking;
        survey = fixture.survey;
        otherRecording = fixture.otherRecording;
        otherSurvey = fixture.otherSurvey;
        erasure = new Erasure(world.store, world.index, world.profile, world.holds, restrictions, outbox, world.clock);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void anErasureRemovesWhatNoLawKeepsAndKeepsTheBankingRecordsRestrictedWithTheirRules() throws Exception {
        ErasureReport report = erasure.erase("R1", subject(), Erasure.Scope.EVERYTHING);

        assertThat(world.inStore(sampled)).as("sampled audio").isFalse();
        assertThat(world.inStore(metadata(sampled))).as("sampled metadata").isFalse();
        assertThat(world.inStore(survey)).as("survey answers").isFalse();
        assertThat(callsInIndex()).doesNotContain("call-parcel");
        assertThat(tracesInStore()).doesNotContain("call-parcel", "call-bank").contains("call-other");
        assertThat(Files.readString(outbox)).doesNotContain("sms-1").contains("sms-2");
        assertThat(report.smsMessages()).isEqualTo(1);

        assertThat(world.inStore(banking) && world.inStore(metadata(banking))).isTrue();
        assertThat(world.store.list("dossiers/" + dossier.number() + "/")).isNotEmpty();
        assertThat(report.kept())
                .extracting(ErasureReport.Line::id, ErasureReport.Line::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                dossier.number(),
                                "kept by law (R3): banking-dossier for 10 years, until "
                                        + dossier.retention().retainUntil()),
                        org.assertj.core.groups.Tuple.tuple(
                                "call-bank",
                                "kept by law (R8): banking-recording for 10 years, until "
                                        + world.store
                                                .head(banking)
                                                .orElseThrow()
                                                .retention()
                                                .retainUntil()));
        assertThat(report.kept()).allMatch(ErasureReport.Line::restricted);
        assertThat(report.erased())
                .extracting(ErasureReport.Line::kind, ErasureReport.Line::id)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("trace", "call-bank"),
                        org.assertj.core.groups.Tuple.tuple("trace", "call-parcel"),
                        org.assertj.core.groups.Tuple.tuple("recording", "call-parcel"),
                        org.assertj.core.groups.Tuple.tuple("survey", "call-parcel"));

        Dossiers restricting = new Dossiers(world.writer, world.store, world.profile, world.clock, restrictions);
        PhoneNumber caller = PhoneNumber.parse(SubjectFixture.CALLER);
        assertThat(world.dossiers.identify(caller)).as("without the marks").isPresent();
        assertThat(restricting.identify(caller))
                .as("the IVR does not use a restricted dossier")
                .isEmpty();
        assertThat(restricting.open(dossier.number())).isEmpty();
        assertThat(restricting.search(SearchQuery.of(SubjectFixture.CALLER)).hits())
                .isEmpty();

        Restrictions reloaded = Restrictions.load(world.store);
        assertThat(reloaded.restricted(Kind.DOSSIER, dossier.number())).isTrue();
        assertThat(reloaded.restricted(Kind.RECORDING, "call-bank")).isTrue();
        assertThat(reloaded.restricted(Kind.RECORDING, "call-other")).isFalse();

        assertOtherCallerUntouched();
    }

    @Test
    void anErasedDossiersVersionClaimsGoWithItsVersionsAndItsNumberClaimStays() throws Exception {
        Dossier parcels = world.dossier("parcels", SubjectFixture.CALLER);
        world.dossiers.linkCall(parcels.number(), "call-linked"); // version 2, claimed (ADR 0018)
        world.dossiers.linkCall(dossier.number(), "call-linked");

        ErasureReport report = erasure.erase("R1", subject(), Erasure.Scope.EVERYTHING);

        assertThat(report.erased())
                .extracting(ErasureReport.Line::kind, ErasureReport.Line::id)
                .contains(org.assertj.core.groups.Tuple.tuple("dossier", parcels.number()));
        assertThat(world.store.list("dossiers/" + parcels.number() + "/")).isEmpty();
        assertThat(world.store.list(Dossiers.versionClaims(parcels.number())))
                .as("they say when it was edited, and guard nothing once its versions are gone")
                .isEmpty();
        assertThat(world.inStore(Dossiers.numberClaim(parcels.number())))
                .as("its number is never handed out again")
                .isTrue();
        assertThat(world.store.list(Dossiers.versionClaims(dossier.number())))
                .as("the banking dossier is kept by law, and its version claims with its versions")
                .hasSize(1);
    }

    @Test
    void aRebuildOfTheIndexBringsNothingErasedBack() throws Exception {
        erasure.erase("R1", subject(), Erasure.Scope.EVERYTHING);

        new Reindexer(world.store, world.index, world.holds).rebuild();

        List<IndexedRecord> left = world.index.ofCaller(PhoneNumber.parse(SubjectFixture.CALLER));
        assertThat(left)
                .extracting(IndexedRecord::kind, IndexedRecord::id)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(RecordKind.DOSSIER, dossier.number()),
                        org.assertj.core.groups.Tuple.tuple(RecordKind.RECORDING, "call-bank"));
        assertThat(world.index.ofCall("call-other")).hasSize(2);
    }

    @Test
    void underALegalHoldOnTheDossierNothingIsErasedAndTheAnswerNamesTheCase() throws Exception {
        LegalHold hold = world.held
                .place(LegalHold.Scope.DOSSIER, dossier.number(), "CASE-7", "complaint", "compliance-1")
                .hold();

        ErasureReport report = erasure.erase("R2", subject(), Erasure.Scope.EVERYTHING);

        assertThat(report.erased()).isEmpty();
        assertThat(report.records()).hasSize(6);
        assertThat(report.kept())
                .filteredOn(l -> !l.kind().equals("survey"))
                .allMatch(l -> l.reason().equals("legal hold (R19): case CASE-7 (hold " + hold.id() + ")"));
        assertThat(report.kept())
                .filteredOn(l -> l.kind().equals("survey"))
                .singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo("legal hold (R19): its call call-parcel is held"));
        assertThat(world.inStore(sampled) && world.inStore(survey) && world.inStore(banking))
                .isTrue();
        assertThat(tracesInStore()).contains("call-parcel", "call-bank");
        assertThat(Files.readString(outbox)).contains("sms-1");
        assertThat(report.smsMessages()).isZero();
        assertThat(report.text()).contains("erasure: 0 records erased, 6 kept").contains("CASE-7");
    }

    @Test
    void aCallFromAnotherNumberAboutTheirDossierIsSomeoneElsesAndStays() throws Exception {
        CallTrace relative = world.newTrace("call-relative", "+32471000111", dossier.number());
        world.writer.writeAll(List.of(), List.of(relative));

        ErasureReport report = erasure.erase("R5", subject(), Erasure.Scope.EVERYTHING);

        assertThat(report.kept())
                .filteredOn(l -> l.id().equals("call-relative"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.reason()).startsWith("not the requester's");
                    assertThat(l.restricted()).isFalse();
                });
        assertThat(tracesInStore()).contains("call-relative").doesNotContain("call-parcel");
    }

    @Test
    void anObjectionErasesOnlyTheSampledRecordingsAndRestrictsNothing() throws Exception {
        ErasureReport report = erasure.erase("R3", subject(), Erasure.Scope.RECORDINGS);

        assertThat(world.inStore(sampled)).isFalse();
        assertThat(world.inStore(banking) && world.inStore(survey)).isTrue();
        assertThat(tracesInStore()).contains("call-parcel");
        assertThat(report.erased()).extracting(ErasureReport.Line::id).containsExactly("call-parcel");
        assertThat(report.kept()).extracting(ErasureReport.Line::id).containsExactly("call-bank");
        assertThat(report.kept()).noneMatch(ErasureReport.Line::restricted);
        assertThat(Files.readString(outbox)).contains("sms-1");
    }

    @Test
    void aWithdrawalOfSurveyConsentErasesOnlyTheSurveyAnswers() throws Exception {
        ErasureReport report = erasure.erase("R4", subject(), Erasure.Scope.SURVEY_ANSWERS);

        assertThat(world.inStore(survey)).isFalse();
        assertThat(world.inStore(otherSurvey) && world.inStore(sampled)).isTrue();
        assertThat(report.records()).extracting(ErasureReport.Line::kind).containsExactly("survey");
    }

    private void assertOtherCallerUntouched() throws Exception {
        assertThat(world.inStore(otherRecording) && world.inStore(otherSurvey)).isTrue();
        assertThat(world.index.ofCall("call-other"))
                .extracting(IndexedRecord::kind)
                .containsExactlyInAnyOrder(RecordKind.TRACE, RecordKind.RECORDING);
    }

    private List<String> callsInIndex() {
        world.index.refresh();
        return world.index.ofCaller(PhoneNumber.parse(SubjectFixture.CALLER)).stream()
                .filter(r -> r.kind() != RecordKind.DOSSIER)
                .map(IndexedRecord::id)
                .toList();
    }

    /** The call ids of every trace left in the store's batches. */
    private List<String> tracesInStore() throws Exception {
        return new org.callgate.records.CallTraces(world.store)
                        .between(SubjectFixture.T.minus(Duration.ofDays(1)), SubjectFixture.T.plus(Duration.ofDays(10)))
                        .stream()
                        .map(CallTrace::callId)
                        .toList();
    }

    private static ObjectKey metadata(ObjectKey audio) {
        return SubjectFixture.metadata(audio);
    }

    private static DataSubject subject() {
        return SubjectFixture.subject();
    }
}
