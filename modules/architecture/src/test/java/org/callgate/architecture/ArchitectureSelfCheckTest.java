package org.callgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.callgate.architecture.Architecture.Module;
import org.callgate.audit.fixture.AuditClassUsingTheFileStore;
import org.callgate.audit.fixture.AuditClassUsingTheStoreApi;
import org.callgate.core.fixture.CoreClassUsingJackson;
import org.callgate.core.fixture.CoreClassUsingTheJdk;
import org.junit.jupiter.api.Test;

/** The rules can fail: a fixture that breaks the table is reported, one that keeps to it is not. */
class ArchitectureSelfCheckTest {

    private final ArchRule coreRow = Architecture.mayUseOnlyItsRow(Module.CORE);

    @Test
    void aCoreClassUsingJacksonBreaksTheCoreRowAndTheReportNamesTheRuleAndTheClass() {
        EvaluationResult result = coreRow.evaluate(fixture(CoreClassUsingJackson.class));

        assertThat(result.hasViolation()).isTrue();
        String report = result.getFailureReport().toString();
        assertThat(report)
                .contains("table row 'core'")
                .contains(CoreClassUsingJackson.class.getName())
                .contains("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void aCoreClassUsingOnlyTheJdkKeepsToTheCoreRow() {
        EvaluationResult result = coreRow.evaluate(fixture(CoreClassUsingTheJdk.class));

        assertThat(result.hasViolation()).isFalse();
    }

    @Test
    void anAuditClassUsingAConcreteStoreBreaksTheAuditRowAndKeepingToTheStoreApiDoesNot() {
        ArchRule auditRow = Architecture.mayUseOnlyItsRow(Module.AUDIT);

        EvaluationResult concrete = auditRow.evaluate(fixture(AuditClassUsingTheFileStore.class));
        EvaluationResult api = auditRow.evaluate(fixture(AuditClassUsingTheStoreApi.class));

        assertThat(concrete.hasViolation()).isTrue();
        assertThat(concrete.getFailureReport().toString())
                .contains("table row 'audit'")
                .contains("org.callgate.store.file.FileRecordingStore");
        assertThat(api.hasViolation()).isFalse();
    }

    @Test
    void theFixturesAreNotPartOfTheMainClasses() {
        assertThat(MainClasses.all().contain(CoreClassUsingJackson.class)).isFalse();
        assertThat(MainClasses.all().contain(AuditClassUsingTheFileStore.class)).isFalse();
    }

    private static JavaClasses fixture(Class<?> type) {
        return new ClassFileImporter().importClasses(type);
    }
}
