package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.Iban;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {

    private final SyntheticData data = new SyntheticData(1, RecordsFixture.NOW, TestProfiles.DEFAULT);

    @Test
    void theSameSeedGivesTheSameRecordsInAnyOrder() {
        SyntheticData again = new SyntheticData(1, RecordsFixture.NOW, TestProfiles.DEFAULT);

        assertThat(again.trace(42, 100)).isEqualTo(data.trace(42, 100));
        assertThat(again.dossier(7)).isEqualTo(data.dossier(7));
        assertThat(new SyntheticData(2, RecordsFixture.NOW, TestProfiles.DEFAULT).dossier(7))
                .isNotEqualTo(data.dossier(7));
    }

    @Test
    void dossiersHaveBelgianNamesWithAccentsUniqueNumbersAndValidIbans() {
        var dossiers = IntStream.range(0, 3000).mapToObj(data::dossier).toList();

        assertThat(dossiers).extracting(Dossier::number).doesNotHaveDuplicates();
        assertThat(dossiers).extracting(d -> d.phones().getFirst()).doesNotHaveDuplicates();
        assertThat(dossiers).anySatisfy(d -> assertThat(d.displayName()).containsAnyOf("é", "è", "ë", "ô", "ö"));
        assertThat(dossiers)
                .allSatisfy(
                        d -> assertThat(d.phones().getFirst().isBelgianMobile()).isTrue());
        assertThat(dossiers)
                .filteredOn(d -> d.service().equals("banking"))
                .isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d.iban()).isNotNull();
                    assertThat(d.retention().retentionClass()).isEqualTo("banking-dossier");
                });
        assertThat(dossiers)
                .filteredOn(d -> d.iban() != null)
                .allSatisfy(d -> assertThat(Iban.parse(d.iban().value())).isEqualTo(d.iban()));
    }

    @Test
    void barcodesCarryTheirCheckDigits() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            String s10 = SyntheticData.s10Barcode(random);
            assertThat(s10).matches("[A-Z]{2}[0-9]{9}BE");
            int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
            int sum = 0;
            for (int k = 0; k < 8; k++) {
                sum += weights[k] * (s10.charAt(2 + k) - '0');
            }
            int check = (11 - sum % 11) % 11;
            assertThat(s10.charAt(10) - '0').isEqualTo(check == 10 ? 0 : check == 0 ? 5 : check);
        }
    }

    @Test
    void mostTracesComeFromADossiersNumberAndAreLinkedToIt() {
        var traces = IntStream.range(0, 1000).mapToObj(j -> data.trace(j, 50)).toList();

        long linked = traces.stream().filter(t -> t.dossier() != null).count();
        assertThat(linked).isBetween(600L, 800L);
        assertThat(traces).filteredOn(t -> t.dossier() != null).allSatisfy(t -> {
            int index = dossierIndex(t);
            assertThat(data.dossier(index).number()).isEqualTo(t.dossier());
        });
        assertThat(traces).extracting(CallTrace::callId).doesNotHaveDuplicates();
        assertThat(traces).anySatisfy(t -> assertThat(t.barcodes()).isNotEmpty());
    }

    private int dossierIndex(CallTrace trace) {
        for (int i = 0; i < 50; i++) {
            if (data.mobile(i).equals(trace.caller())) {
                return i;
            }
        }
        throw new AssertionError(
                "trace " + trace.callId() + " linked to " + trace.dossier() + " from a number no dossier has");
    }
}
