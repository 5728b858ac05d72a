package org.callgate.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.callgate.core.access.Capability;
import org.junit.jupiter.api.Test;

/** The role table of docs/security.md (R11). */
class RoleTest {

    @Test
    void anAgentWorksOnDossiersLogsACallersRequestAndHearsNoRecording() {
        assertThat(Role.AGENT.capabilities())
                .containsExactlyInAnyOrder(
                        Capability.SEARCH,
                        Capability.DOSSIER_READ,
                        Capability.DOSSIER_WRITE,
                        Capability.TRACES,
                        Capability.CALLBACKS,
                        Capability.REQUEST_LOG);
    }

    @Test
    void onlyComplianceHandlesDataSubjectRequests() {
        assertThat(Role.values())
                .filteredOn(role -> role.may(Capability.REQUESTS))
                .containsExactly(Role.COMPLIANCE);
        assertThat(Role.values())
                .filteredOn(role -> role.may(Capability.REQUEST_LOG))
                .containsExactlyInAnyOrder(Role.AGENT, Role.COMPLIANCE);
    }

    @Test
    void onlyComplianceHearsBankingRecordings() {
        assertThat(Role.values())
                .filteredOn(role -> role.may(Capability.BANKING_RECORDINGS))
                .containsExactly(Role.COMPLIANCE);
    }

    @Test
    void onlyAnAdminManagesUsersAndNoRoleChangesTheConfiguration() {
        assertThat(Role.values()).filteredOn(role -> role.may(Capability.USERS)).containsExactly(Role.ADMIN);
        assertThat(Role.ADMIN.capabilities())
                .containsExactlyInAnyOrder(Capability.USERS, Capability.CONFIGURATION_READ);
    }

    @Test
    void everyCapabilityBelongsToSomeRole() {
        for (Capability capability : Capability.values()) {
            assertThat(Role.values()).anyMatch(role -> role.may(capability));
        }
    }

    @Test
    void aRoleParsesInAnyCase() {
        assertThat(Role.parse("Supervisor")).contains(Role.SUPERVISOR);
        assertThat(Role.parse("root")).isEmpty();
    }
}
