package io.serviceaccountbot.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A user of the simulated directory, as Entra ID holds it. The password itself is never kept: only whether the next
 * sign-in must change it, and when it was last set.
 *
 * @param id the object id
 * @param displayName the name people see
 * @param userPrincipalName the sign-in name
 * @param mailNickname the alias
 * @param accountEnabled whether the account can sign in
 * @param usageLocation the ISO country code, or null
 * @param forceChangePasswordNextSignIn whether the next sign-in must change the password
 * @param createdDateTime when the user was created
 * @param lastPasswordChangeDateTime when the password was last set
 * @param licences the licences assigned directly
 * @param mailboxReadyAt when Exchange has finished creating the mailbox, or null when the user has none coming
 * @param passwordPolicies the user's password policies in Graph's spelling ({@code DisablePasswordExpiration}, {@code
 *     DisableStrongPassword}), empty for none
 */
record SimulatedUser(
        String id,
        String displayName,
        String userPrincipalName,
        String mailNickname,
        boolean accountEnabled,
        String usageLocation,
        boolean forceChangePasswordNextSignIn,
        Instant createdDateTime,
        Instant lastPasswordChangeDateTime,
        List<Licence> licences,
        Instant mailboxReadyAt,
        Set<String> passwordPolicies) {

    SimulatedUser {
        licences = List.copyOf(licences);
        passwordPolicies = Set.copyOf(passwordPolicies);
    }

    /**
     * A licence assigned to the user.
     *
     * @param skuId the licence
     * @param assignedDateTime when
     */
    record Licence(String skuId, Instant assignedDateTime) {}

    boolean hasLicence(String skuId) {
        return licences.stream().anyMatch(licence -> licence.skuId().equalsIgnoreCase(skuId));
    }

    boolean hasMailbox(Instant now) {
        return mailboxReadyAt != null && !now.isBefore(mailboxReadyAt);
    }

    SimulatedUser withUsageLocation(String location) {
        return new SimulatedUser(
                id,
                displayName,
                userPrincipalName,
                mailNickname,
                accountEnabled,
                location,
                forceChangePasswordNextSignIn,
                createdDateTime,
                lastPasswordChangeDateTime,
                licences,
                mailboxReadyAt,
                passwordPolicies);
    }

    SimulatedUser withDisplayName(String name) {
        return new SimulatedUser(
                id,
                name,
                userPrincipalName,
                mailNickname,
                accountEnabled,
                usageLocation,
                forceChangePasswordNextSignIn,
                createdDateTime,
                lastPasswordChangeDateTime,
                licences,
                mailboxReadyAt,
                passwordPolicies);
    }

    SimulatedUser withAccountEnabled(boolean enabled) {
        return new SimulatedUser(
                id,
                displayName,
                userPrincipalName,
                mailNickname,
                enabled,
                usageLocation,
                forceChangePasswordNextSignIn,
                createdDateTime,
                lastPasswordChangeDateTime,
                licences,
                mailboxReadyAt,
                passwordPolicies);
    }

    SimulatedUser withPasswordSet(boolean forceChange, Instant at) {
        return new SimulatedUser(
                id,
                displayName,
                userPrincipalName,
                mailNickname,
                accountEnabled,
                usageLocation,
                forceChange,
                createdDateTime,
                at,
                licences,
                mailboxReadyAt,
                passwordPolicies);
    }

    SimulatedUser withForceChange(boolean forceChange) {
        return new SimulatedUser(
                id,
                displayName,
                userPrincipalName,
                mailNickname,
                accountEnabled,
                usageLocation,
                forceChange,
                createdDateTime,
                lastPasswordChangeDateTime,
                licences,
                mailboxReadyAt,
                passwordPolicies);
    }

    SimulatedUser withLicences(List<Licence> newLicences, Instant newMailboxReadyAt) {
        return new SimulatedUser(
                id,
                displayName,
                userPrincipalName,
                mailNickname,
                accountEnabled,
                usageLocation,
                forceChangePasswordNextSignIn,
                createdDateTime,
                lastPasswordChangeDateTime,
                new ArrayList<>(newLicences),
                newMailboxReadyAt,
                passwordPolicies);
    }

    SimulatedUser withPasswordPolicies(Set<String> policies) {
        return new SimulatedUser(
                id,
                displayName,
                userPrincipalName,
                mailNickname,
                accountEnabled,
                usageLocation,
                forceChangePasswordNextSignIn,
                createdDateTime,
                lastPasswordChangeDateTime,
                licences,
                mailboxReadyAt,
                policies);
    }
}
