package io.serviceaccountbot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    static final String ADMINS = "admins";
    static final String APPROVERS = "approvers";
    static final Set<Role> ADMIN_ONLY = Set.of(Role.PROVISIONING_ADMIN);

    private final Directory directory = mock(Directory.class);
    private final AccessControl access = new AccessControl(
            directory, new AccessProperties(ADMINS, APPROVERS, Duration.ofMinutes(1), Duration.ofSeconds(30)));

    @Test
    void aRefusalRestsOnARecentAnswerButAGrantIsAlwaysAskedAfresh() {
        when(directory.memberGroups(eq("nobody"), any())).thenReturn(Set.of());
        when(directory.memberGroups(eq("admin"), any())).thenReturn(Set.of(ADMINS));

        for (int i = 0; i < 5; i++) {
            assertThat(access.rolesForCommand("nobody", ADMIN_ONLY)).isEmpty();
            assertThat(access.rolesForCommand("admin", ADMIN_ONLY)).containsExactly(Role.PROVISIONING_ADMIN);
        }

        verify(directory, times(1)).memberGroups(eq("nobody"), any());
        verify(directory, times(5)).memberGroups(eq("admin"), any());
    }

    @Test
    void anApproverIsRefusedAnAdminCommandOnTheRecentAnswer() {
        when(directory.memberGroups(eq("megan"), any())).thenReturn(Set.of(APPROVERS));

        assertThat(access.currentRolesOf("megan")).containsExactly(Role.APPROVER);
        assertThat(access.rolesForCommand("megan", ADMIN_ONLY)).containsExactly(Role.APPROVER);
        assertThat(access.rolesForCommand("megan", Set.of(Role.APPROVER))).containsExactly(Role.APPROVER);

        verify(directory, times(2)).memberGroups(eq("megan"), any());
    }

    @Test
    void aFailedLookUpIsNeverRemembered() {
        when(directory.memberGroups(eq("isaiah"), any()))
                .thenThrow(new TenantException(
                        TenantException.Kind.UNAVAILABLE,
                        "Microsoft Graph",
                        "serviceNotAvailable",
                        null,
                        "unavailable",
                        null))
                .thenReturn(Set.of(ADMINS));

        assertThatThrownBy(() -> access.rolesForCommand("isaiah", ADMIN_ONLY)).isInstanceOf(TenantException.class);
        assertThat(access.rolesForCommand("isaiah", ADMIN_ONLY)).containsExactly(Role.PROVISIONING_ADMIN);
    }
}
