package io.serviceaccountbot.verification;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.TenantException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Check 8 of the report, for Exchange Online's replacement of impersonation (RBAC for Applications): for each mailbox
 * in the group (the first {@value #MAX_MAILBOXES}), {@code Test-ServicePrincipalAuthorization} must say that every
 * granted application role reaches it, and no line may reach it organisation-wide (tenant-wide consent the app still
 * holds, which adds to any scope). It asks Exchange afresh, so it also tells the truth about an app the bot did not set
 * up.
 */
public class AppAccessVerification {

    /** Each mailbox is one Exchange call; a large group is sampled. */
    static final int MAX_MAILBOXES = 10;

    /** The scope Test-ServicePrincipalAuthorization names for a line that reaches every mailbox. */
    static final String ORGANISATION = "Organization";

    private final ExchangeAdmin exchange;

    public AppAccessVerification(ExchangeAdmin exchange) {
        this.exchange = exchange;
    }

    /** Whether the app reaches the mailboxes of the group with each role. */
    public VerificationReport verify(UUID appId, String group, List<String> roles) {
        String subject = "app " + appId + " on the mailboxes of '" + group + "'";
        List<Check> checks = new ArrayList<>();
        Optional<MailEnabledGroup> found;
        try {
            found = exchange.securityGroup(group);
        } catch (TenantException e) {
            checks.add(Check.failed(
                    "Group of mailboxes exists",
                    "Could not look it up: " + e.getMessage(),
                    e.isTransient() ? "Try again in a few minutes." : "Check the name of the group."));
            return new VerificationReport(subject, checks);
        }
        if (found.isEmpty()) {
            checks.add(Check.failed(
                    "Group of mailboxes exists",
                    "There is no mail-enabled security group '" + group + "'",
                    "Create it in the Exchange admin center and add the service accounts' mailboxes."));
            return new VerificationReport(subject, checks);
        }
        List<String> mailboxes = found.get().members().stream()
                .filter(member -> member.contains("@"))
                .toList();
        if (mailboxes.isEmpty()) {
            checks.add(Check.notApplicable(
                    "App reaches the group's mailboxes (Test-ServicePrincipalAuthorization)",
                    "'" + group + "' has no mailbox members yet; the app reaches exactly the mailboxes added to it"));
            return new VerificationReport(subject, checks);
        }
        for (String mailbox : mailboxes.subList(0, Math.min(MAX_MAILBOXES, mailboxes.size()))) {
            checks.add(mailboxCheck(appId.toString(), mailbox, roles));
        }
        if (mailboxes.size() > MAX_MAILBOXES) {
            checks.add(Check.notApplicable(
                    "Other mailboxes of the group",
                    (mailboxes.size() - MAX_MAILBOXES) + " more were not tried; the scope takes in every member"));
        }
        return new VerificationReport(subject, checks);
    }

    private Check mailboxCheck(String appId, String mailbox, List<String> roles) {
        String name = "Test-ServicePrincipalAuthorization for " + mailbox;
        List<AuthorizationResult> results;
        try {
            results = exchange.testServicePrincipalAuthorization(appId, mailbox);
        } catch (TenantException e) {
            return Check.failed(
                    name,
                    "Could not run it: " + e.getMessage(),
                    e.isTransient() ? "Try again in a few minutes." : "Check that the app is registered in Exchange.");
        }
        List<String> outOfScope = roles.stream()
                .filter(role ->
                        results.stream().noneMatch(result -> role.equalsIgnoreCase(result.role()) && result.inScope()))
                .toList();
        List<String> organisationWide = results.stream()
                .filter(result -> result.inScope() && ORGANISATION.equalsIgnoreCase(result.scope()))
                .map(AuthorizationResult::role)
                .toList();
        if (outOfScope.isEmpty() && !organisationWide.isEmpty()) {
            return Check.failed(
                    name,
                    "In scope for " + String.join(", ", roles) + ", but reached organisation-wide too, whatever the"
                            + " scope says: " + String.join(", ", organisationWide),
                    "Remove what the app holds tenant-wide: Microsoft Entra admin center > Enterprise applications >"
                            + " the app > Permissions > Review permissions (or Remove-MgServicePrincipalAppRoleAssignment),"
                            + " and any role assigned to it without a scope (Remove-ManagementRoleAssignment).");
        }
        if (outOfScope.isEmpty()) {
            return Check.passed(name, "In scope for " + String.join(", ", roles));
        }
        return Check.failed(
                name,
                "Out of scope for " + String.join(", ", outOfScope),
                "Exchange can take up to two hours to apply RBAC for Applications; check again later, and check the"
                        + " management scope's filter.");
    }
}
