package io.serviceaccountbot.governance;

import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.governance.MailboxAccessReview.Finding;
import io.serviceaccountbot.governance.MailboxAccessReview.Kind;
import io.serviceaccountbot.plans.SalesforceProperties;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AppRoleGrant;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import io.serviceaccountbot.tenant.ExchangeAdmin.ExchangeServicePrincipal;
import io.serviceaccountbot.tenant.MailboxPermissions;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import io.serviceaccountbot.tenant.ProvisioningProperties.ExchangeFlavour;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantWideGrant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code review mailbox access}: who can read other people's mailboxes, for the whole organisation and not only what
 * the bot granted, each with the command that narrows it. It only reads: the holders of ApplicationImpersonation
 * (Exchange Server, groups expanded, with the role group), and the apps holding tenant-wide Microsoft Graph or Office
 * 365 Exchange Online permissions that reach mailboxes, those with EWS's {@code full_access_as_app} listed again with
 * the dates EWS stops on Exchange Online, and on Exchange Online the application roles of RBAC for Applications with
 * their scopes. A part the tenant will not show is named with its fix; the rest is still
 * listed.
 */
@Component
public class MailboxAccessSweep {

    static final String IMPERSONATION = "ApplicationImpersonation";
    static final String FULL_ACCESS_AS_APP = "full_access_as_app";
    static final String READ_APPS =
            "The bot's app registration needs the Microsoft Graph application permission Application.Read.All to list"
                    + " them.";
    static final String GROUP_PLACEHOLDER = "<group of the mailboxes it needs>";

    private final Directory directory;
    private final ExchangeAdmin exchange;
    private final ProvisioningProperties provisioning;
    private final SalesforceProperties salesforce;

    MailboxAccessSweep(
            Directory directory,
            ExchangeAdmin exchange,
            ProvisioningProperties provisioning,
            SalesforceProperties salesforce) {
        this.directory = directory;
        this.exchange = exchange;
        this.provisioning = provisioning;
        this.salesforce = salesforce;
    }

    /** Reads the organisation and lists who can read other people's mailboxes. */
    public MailboxAccessReview review() {
        List<Finding> findings = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean online = provisioning.exchangeFlavour() == ExchangeFlavour.EXCHANGE_ONLINE;
        if (online) {
            notes.add("ApplicationImpersonation: Exchange Online no longer has the role (removed in February 2025,"
                    + " MC718754), so no account holds it.");
        } else {
            read(
                    "the holders of ApplicationImpersonation in Exchange",
                    null,
                    unread,
                    () -> findings.addAll(impersonation()));
        }
        List<TenantWideGrant> grants = new ArrayList<>();
        read(
                "the apps holding Microsoft Graph permissions",
                READ_APPS,
                unread,
                () -> grants.addAll(directory.tenantWideGrantsOn(MailboxPermissions.MICROSOFT_GRAPH)));
        read(
                "the apps holding Office 365 Exchange Online permissions",
                READ_APPS,
                unread,
                () -> grants.addAll(directory.tenantWideGrantsOn(MailboxPermissions.EXCHANGE_ONLINE)));
        findings.addAll(tenantWide(grants, online));
        if (online) {
            read(
                    "the application roles of RBAC for Applications in Exchange",
                    null,
                    unread,
                    () -> findings.addAll(applicationRoles()));
        }
        findings.addAll(ews(grants, online));
        if (!online) {
            notes.add("Microsoft Graph's and Exchange Online's permissions reach the mailboxes in Exchange Online only,"
                    + " not those on this organisation's Exchange Server.");
        }
        return new MailboxAccessReview(findings, unread, notes);
    }

    private List<Finding> impersonation() {
        return exchange.effectiveAssignments(IMPERSONATION).stream()
                .filter(assignment ->
                        assignment.user() != null && !assignment.user().equalsIgnoreCase("All Group Members"))
                .sorted(Comparator.comparing(EffectiveAssignment::user, String.CASE_INSENSITIVE_ORDER))
                .map(MailboxAccessSweep::impersonation)
                .toList();
    }

    private static Finding impersonation(EffectiveAssignment assignment) {
        StringBuilder access = new StringBuilder(IMPERSONATION + " through ");
        access.append(assignment.name() == null ? "role group '" + assignment.assignee() + "'" : "a direct assignment");
        if (assignment.via() != null) {
            access.append(", as a member of '").append(assignment.via()).append("'");
        }
        access.append(
                assignment.recipientScope() == null
                        ? ", over every mailbox"
                        : ", limited to the mailboxes of scope '" + assignment.recipientScope() + "'");
        return new Finding(
                Kind.IMPERSONATION,
                assignment.user(),
                access.toString(),
                null,
                revoking(assignment.user()),
                assignment.via() == null
                        ? null
                        : "It holds the role through the group '" + assignment.via() + "': revoking takes this account"
                                + " out of that group, and the group's other members keep the role.");
    }

    /** The revoke command for an account Exchange names by alias or sign-in name; null for any other name. */
    private static String revoking(String user) {
        try {
            return CommandText.of(new Command.RevokeImpersonation(AccountRef.of(user), Optional.empty()));
        } catch (IllegalArgumentException notAnAccountName) {
            return null;
        }
    }

    private List<Finding> tenantWide(List<TenantWideGrant> grants, boolean online) {
        Map<String, List<TenantWideGrant>> byApp = new LinkedHashMap<>();
        grants.stream()
                .filter(grant -> MailboxPermissions.reachesMailboxes(grant.permission()))
                .forEach(grant -> byApp.computeIfAbsent(grant.app().appId(), app -> new ArrayList<>())
                        .add(grant));
        List<Finding> findings = new ArrayList<>();
        byApp.values().forEach(held -> {
            ServicePrincipal app = held.get(0).app();
            String access = String.join(
                            ", ",
                            held.stream()
                                    .map(grant -> grant.permission().label())
                                    .toList())
                    + ", on every mailbox of the organisation";
            boolean isSalesforce = app.appId().equalsIgnoreCase(salesforce.appId());
            findings.add(new Finding(
                    Kind.TENANT_WIDE,
                    holder(app),
                    access,
                    earliest(held),
                    online ? narrowing(app.appId(), isSalesforce) : null,
                    online
                            ? "The command's plan limits the app to one group's mailboxes with RBAC for Applications"
                                    + " and removes these tenant-wide permissions; it needs an approval."
                            : "RBAC for Applications exists in Exchange Online only; remove the permissions in the"
                                    + " Entra admin center if the app does not need them."));
        });
        return findings;
    }

    private List<Finding> applicationRoles() {
        return exchange.appRoleAssignments().stream()
                .sorted(Comparator.comparing(
                        (AppRoleGrant grant) -> String.valueOf(grant.app().displayName()),
                        String.CASE_INSENSITIVE_ORDER))
                .map(this::applicationRole)
                .toList();
    }

    private Finding applicationRole(AppRoleGrant grant) {
        ExchangeServicePrincipal app = grant.app();
        String scope = grant.assignment().scope();
        String holder = app.displayName() + (app.appId() == null ? "" : " (app " + app.appId() + ")");
        boolean isSalesforce = app.appId() != null && app.appId().equalsIgnoreCase(salesforce.appId());
        if (scope == null) {
            return new Finding(
                    Kind.APPLICATION_ROLE,
                    holder,
                    grant.assignment().role() + ", over every mailbox of the organisation (no scope)",
                    null,
                    app.appId() == null ? null : narrowing(app.appId(), isSalesforce),
                    "The command's plan gives the role again within one group's scope; remove this assignment" + " ('"
                            + grant.assignment().name() + "') in Exchange once it has run.");
        }
        return new Finding(
                Kind.APPLICATION_ROLE,
                holder,
                grant.assignment().role() + ", limited to the mailboxes of scope '" + scope + "'",
                null,
                isSalesforce ? "remove <mailbox> from exchange sync" : null,
                isSalesforce
                        ? "Takes one mailbox out of the group Salesforce's scope reads."
                        : "Limited already: to narrow it, take mailboxes out of the scope's group.");
    }

    private List<Finding> ews(List<TenantWideGrant> grants, boolean online) {
        return grants.stream()
                .filter(grant ->
                        FULL_ACCESS_AS_APP.equalsIgnoreCase(grant.permission().permission()))
                .map(grant -> new Finding(
                        Kind.EWS,
                        holder(grant.app()),
                        "Exchange Web Services on every mailbox (" + FULL_ACCESS_AS_APP + ")",
                        day(grant.grantedOn()),
                        online ? narrowing(grant.app().appId(), false) : null,
                        "EWS is being switched off in Exchange Online, in phases since 1 October 2026 and for good on"
                                + " 1 April 2027 (MC1227454): the app must move to Microsoft Graph, which RBAC for"
                                + " Applications can limit to one group's mailboxes."))
                .toList();
    }

    private static String narrowing(String appId, boolean isSalesforce) {
        return isSalesforce
                ? "setup exchange sync for group \"" + GROUP_PLACEHOLDER + "\""
                : "grant app access to " + appId + " for group \"" + GROUP_PLACEHOLDER + "\"";
    }

    private static String holder(ServicePrincipal app) {
        return app.displayName() + " (app " + app.appId() + ")";
    }

    private static String earliest(List<TenantWideGrant> grants) {
        return grants.stream()
                .map(grant -> day(grant.grantedOn()))
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The day of an ISO 8601 time, e.g. 2026-02-16; null when there is none. */
    private static String day(String isoTime) {
        return isoTime == null || isoTime.length() < 10 ? null : isoTime.substring(0, 10);
    }

    /**
     * Reads one part; a part the tenant will not show is named in {@code unread} with its fix ({@code whenRefused} when
     * the tenant refused the bot and the part knows what it needs, otherwise the failure's own), and the rest goes on.
     */
    private static void read(String what, String whenRefused, List<String> unread, Runnable reading) {
        try {
            reading.run();
        } catch (TenantException e) {
            unread.add(
                    e.kind() == TenantException.Kind.ACCESS_DENIED && whenRefused != null
                            ? "I could not read " + what + ": the tenant refused me. " + whenRefused
                            : "I could not read " + what + ": " + e.getMessage()
                                    + (e.fix() == null ? "" : " " + e.fix()));
        }
    }
}
