package io.serviceaccountbot.plans;

import static io.serviceaccountbot.plans.ExchangeOnlineFacts.IMPERSONATION;

import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.DirectoryRules;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The impersonation runbooks of the knowledge article: {@code grant impersonation}, {@code revoke impersonation} and
 * the whole {@code setup exchange sync}. Each first checks the organisation (ApplicationImpersonation must exist, which
 * it no longer does in Exchange Online) and the account, reading only; then it lists the steps that will run.
 */
final class ImpersonationRunbooks {

    private final AccountDirectory directory;
    private final ExchangeAdmin exchange;
    private final AccountSteps accounts;
    private final ImpersonationSteps impersonation;
    private final ProvisioningProperties properties;
    private final GroupAudience audience;

    ImpersonationRunbooks(
            AccountDirectory directory,
            ExchangeAdmin exchange,
            AccountSteps accounts,
            ProvisioningProperties properties,
            GroupAudience audience) {
        this.directory = directory;
        this.exchange = exchange;
        this.accounts = accounts;
        this.audience = audience;
        this.impersonation = new ImpersonationSteps(exchange, audience);
        this.properties = properties;
    }

    /**
     * @param approvedMembers the object ids of the group's members the approvers saw, when drafting to run; null when
     *     drafting for approval
     */
    Drafted grant(Command.GrantImpersonation command, Set<String> approvedMembers) {
        String group = command.group().orElse(defaultGroup());
        boolean scoped = command.scopeGroup().isPresent();
        try (ExchangeReads.Kept read = exchange.readTogether(ExchangeReads.none()
                .role(IMPERSONATION)
                .account(command.account().value())
                .securityGroup(scoped ? command.scopeGroup().get() : group)
                .roleGroup(scoped || group == null ? null : command.roleGroup().orElse(properties.roleGroup()))
                .effectiveHolders(scoped ? IMPERSONATION : null))) {
            return grant(command, approvedMembers, group);
        }
    }

    private Drafted grant(Command.GrantImpersonation command, Set<String> approvedMembers, String group) {
        if (!impersonationExists()) {
            return Drafted.refused(
                    ExchangeOnlineFacts.noImpersonation(),
                    ExchangeOnlineFacts.salesforceSyncInstead(command.group(), command.justification()));
        }
        Optional<DirectoryUser> found = find(command.account());
        if (found.isEmpty()) {
            return unknownAccount(command.account());
        }
        DirectoryUser user = found.get();
        if (command.scopeGroup().isPresent()) {
            return grantScoped(command, user);
        }
        String roleGroup = command.roleGroup().orElse(properties.roleGroup());
        GroupAudience.Planned through =
                group == null ? null : audience.plan(group, roleGroup, user.id(), user.userPrincipalName());
        if (through != null && through.refusal() != null) {
            return Drafted.refused(through.refusal(), null);
        }
        Runbook.Builder runbook = Runbook.titled("Grant " + IMPERSONATION + " to " + user.userPrincipalName())
                .target(user.userPrincipalName(), user.id())
                .step(
                        "Check that " + user.userPrincipalName() + " is enabled and has a mailbox",
                        () -> accounts.checkEnabledWithMailbox(user));
        impersonation.grant(
                runbook,
                user.userPrincipalName(),
                () -> user,
                through == null ? null : through.throughGroup(),
                approvedMembers,
                roleGroup);
        return new Drafted.Ready(runbook.build());
    }

    /**
     * Impersonation over the mailboxes of one group only (Exchange Server): the account's own role assignment with a
     * recipient write scope, not the role group's organisation-wide one.
     */
    private Drafted grantScoped(Command.GrantImpersonation command, DirectoryUser user) {
        String scopeGroup = command.scopeGroup().orElseThrow();
        if (properties.exchangeFlavour() == ProvisioningProperties.ExchangeFlavour.EXCHANGE_SERVER
                && (command.group().isPresent() || command.roleGroup().isPresent())) {
            return Drafted.refused(
                    "A grant for the mailboxes of '" + scopeGroup + "' is the account's own role assignment, so it"
                            + " goes through no group or role group; leave out via group and in role group.",
                    "grant impersonation to " + user.mailNickname() + " for group \"" + scopeGroup + "\"");
        }
        Scope scope = scope(scopeGroup, Optional.of(user));
        if (scope.refusal() != null) {
            return scope.refusal();
        }
        Runbook.Builder runbook = Runbook.titled("Grant " + IMPERSONATION + " to " + user.userPrincipalName()
                        + " over the mailboxes of '" + scopeGroup + "' only")
                .target(user.userPrincipalName(), user.id());
        impersonation.grantScoped(
                runbook,
                user.userPrincipalName(),
                () -> user,
                scopeGroup,
                scope.group().distinguishedName(),
                scope.group().members().size());
        return new Drafted.Ready(runbook.build());
    }

    /**
     * The group of a grant limited to its mailboxes, or why there is none: only on Exchange Server, only a
     * mail-enabled security group Exchange knows, and only for an account that does not hold the role over every
     * mailbox already (a limited grant would change nothing).
     *
     * @param user the account, when it exists
     */
    private Scope scope(String scopeGroup, Optional<DirectoryUser> user) {
        if (properties.exchangeFlavour() != ProvisioningProperties.ExchangeFlavour.EXCHANGE_SERVER) {
            return Scope.refused(Drafted.refused(
                    "Impersonation limited to the mailboxes of a group is granted with a role assignment of the"
                            + " account's own on Exchange Server (bot.provisioning.exchange-flavour=exchange-server);"
                            + " this bot manages another Exchange.",
                    null));
        }
        Optional<ExchangeAdmin.MailEnabledGroup> group = exchange.securityGroup(scopeGroup);
        if (group.isEmpty() || group.get().distinguishedName() == null) {
            return Scope.refused(Drafted.refused(
                    "There is no mail-enabled security group '" + scopeGroup + "' in Exchange. Its members are the"
                            + " mailboxes the account may impersonate: create it (New-DistributionGroup -Type"
                            + " Security), add those mailboxes, then ask again.",
                    null));
        }
        List<EffectiveAssignment> wider = user.map(found -> impersonation.holdings(found).stream()
                        .filter(held -> held.recipientScope() == null)
                        .toList())
                .orElse(List.of());
        if (!wider.isEmpty()) {
            DirectoryUser holder = user.orElseThrow();
            return Scope.refused(Drafted.refused(
                    holder.userPrincipalName() + " already holds " + IMPERSONATION + " over every mailbox, through '"
                            + wider.get(0).assignee() + "'"
                            + (wider.get(0).via() == null
                                    ? ""
                                    : " via '" + wider.get(0).via() + "'")
                            + "; a limited grant would change nothing until that is revoked.",
                    "revoke impersonation from " + holder.mailNickname()));
        }
        return new Scope(group.get(), null);
    }

    /**
     * The group a grant is limited to, or the refusal.
     *
     * @param group the mail-enabled security group; null when refused
     * @param refusal why not; null when the group will do
     */
    private record Scope(ExchangeAdmin.MailEnabledGroup group, Drafted refusal) {

        static Scope refused(Drafted refusal) {
            return new Scope(null, refusal);
        }
    }

    Drafted revoke(Command.RevokeImpersonation command) {
        try (ExchangeReads.Kept read = exchange.readTogether(ExchangeReads.none()
                .role(IMPERSONATION)
                .account(command.account().value())
                .effectiveHolders(IMPERSONATION))) {
            return draftRevoke(command);
        }
    }

    private Drafted draftRevoke(Command.RevokeImpersonation command) {
        if (!impersonationExists()) {
            return Drafted.refused(ExchangeOnlineFacts.nothingToRevoke(), null);
        }
        Optional<DirectoryUser> found = find(command.account());
        if (found.isEmpty()) {
            return Drafted.refused("There is no account " + command.account().value() + " in the directory.", null);
        }
        DirectoryUser user = found.get();
        String upn = user.userPrincipalName();
        List<EffectiveAssignment> held = impersonation.holdings(user);
        if (held.isEmpty()) {
            return Drafted.refused(upn + " does not hold " + IMPERSONATION + ", so there is nothing to revoke.", null);
        }
        Set<String> roleGroups = held.stream()
                .filter(way -> !ownScopedAssignment(way))
                .map(EffectiveAssignment::assignee)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Runbook.Builder runbook =
                Runbook.titled("Revoke " + IMPERSONATION + " from " + upn).target(upn, user.id());
        Set<String> removals = new LinkedHashSet<>();
        for (EffectiveAssignment way : held) {
            if (ownScopedAssignment(way)) {
                if (removals.add("assignment:" + way.name())) {
                    runbook.step(
                            "Remove the role assignment '" + way.name() + "' (" + IMPERSONATION + " within '"
                                    + way.recipientScope() + "'); the management scope stays",
                            () -> {
                                exchange.removeRoleAssignment(way.name());
                                return StepOutcome.done("Removed the role assignment '" + way.name() + "'");
                            });
                }
            } else if (way.via() != null && removals.add("group:" + way.via())) {
                runbook.step("Remove " + upn + " from the mail-enabled security group '" + way.via() + "'", () -> {
                    exchange.removeGroupMember(way.via(), upn);
                    return StepOutcome.done("Removed " + upn + " from '" + way.via() + "'");
                });
            } else if (way.via() == null && removals.add("role group:" + way.assignee())) {
                runbook.step("Remove " + upn + " from the role group '" + way.assignee() + "'", () -> {
                    exchange.removeRoleGroupMember(way.assignee(), upn);
                    return StepOutcome.done("Removed " + upn + " from the role group '" + way.assignee() + "'");
                });
            }
        }
        runbook.step(
                "Check that " + upn + " no longer holds " + IMPERSONATION
                        + (roleGroups.isEmpty()
                                ? ""
                                : ", and keep the role group" + (roleGroups.size() == 1 ? " '" : "s '")
                                        + String.join("', '", roleGroups) + "' for whoever else is in it"),
                () -> checkRevoked(user, roleGroups));
        return new Drafted.Ready(runbook.build());
    }

    /** The account's own assignment limited to a scope, as {@code grant … for group} makes it. */
    private static boolean ownScopedAssignment(EffectiveAssignment way) {
        return way.via() == null && way.recipientScope() != null && way.name() != null;
    }

    private StepOutcome checkRevoked(DirectoryUser user, Set<String> roleGroups) {
        List<EffectiveAssignment> all = exchange.effectiveAssignments(IMPERSONATION);
        List<EffectiveAssignment> still = all.stream()
                .filter(assignment -> ImpersonationSteps.isUser(assignment.user(), user))
                .toList();
        if (!still.isEmpty()) {
            EffectiveAssignment way = still.get(0);
            return StepOutcome.failed(
                    user.userPrincipalName() + " still holds " + IMPERSONATION + " through the role group '"
                            + way.assignee() + "'" + (way.via() == null ? "" : " via '" + way.via() + "'"),
                    "Remove it there in the Exchange admin center (Roles > Admin roles), or ask again: revoke"
                            + " impersonation from " + user.mailNickname());
        }
        List<String> others = all.stream()
                .map(assignment -> assignment.user() + " (through '" + assignment.assignee() + "'"
                        + (assignment.via() == null ? "" : " via '" + assignment.via() + "'") + ")")
                .distinct()
                .toList();
        String kept = roleGroups.isEmpty()
                ? ""
                : "The role group" + (roleGroups.size() == 1 ? " '" : "s '") + String.join("', '", roleGroups)
                        + "' stay" + (roleGroups.size() == 1 ? "s" : "") + ". ";
        return StepOutcome.done(user.userPrincipalName() + " no longer holds " + IMPERSONATION + ". " + kept
                + (others.isEmpty()
                        ? "Nobody holds " + IMPERSONATION + " now."
                        : "Still holding " + IMPERSONATION + ": " + String.join(", ", others) + "."));
    }

    /**
     * @param approvedMembers the object ids of the group's members the approvers saw, when drafting to run; null when
     *     drafting for approval
     */
    Drafted setup(Command.SetupExchangeSync command, Set<String> approvedMembers) {
        String scopeGroup = command.scopeGroup().orElse(null);
        String group = scopeGroup == null ? defaultGroup() : null;
        try (ExchangeReads.Kept read = exchange.readTogether(ExchangeReads.none()
                .role(IMPERSONATION)
                .account(command.alias().value())
                .acceptedDomains()
                .securityGroup(scopeGroup == null ? group : scopeGroup)
                .roleGroup(group == null ? null : properties.roleGroup())
                .effectiveHolders(scopeGroup == null ? null : IMPERSONATION))) {
            return setup(command, approvedMembers, scopeGroup, group);
        }
    }

    private Drafted setup(
            Command.SetupExchangeSync command, Set<String> approvedMembers, String scopeGroup, String group) {
        if (!impersonationExists()) {
            return Drafted.refused(
                    ExchangeOnlineFacts.noImpersonation(),
                    ExchangeOnlineFacts.salesforceSyncInstead(Optional.empty(), command.justification()));
        }
        String alias = command.alias().value();
        AccountSteps.Account account =
                new AccountSteps.Account(alias, alias, properties.defaultLicense(), properties.defaultUsageLocation());
        StepOutcome domain = accounts.chooseUserPrincipalName(account);
        if (domain != null) {
            return Drafted.refused(domain.text() + ". " + domain.fix(), null);
        }
        List<DirectoryUser> existing = directory.findUsersByUpnOrAlias(account.upn, alias);
        Optional<DirectoryUser> adopted = existing.size() == 1 ? Optional.of(existing.get(0)) : Optional.empty();
        String upn = adopted.map(DirectoryUser::userPrincipalName).orElse(account.upn);
        Scope scope = scopeGroup == null ? null : scope(scopeGroup, adopted);
        if (scope != null && scope.refusal() != null) {
            return scope.refusal();
        }
        GroupAudience.Planned through = group == null
                ? null
                : audience.plan(
                        group,
                        properties.roleGroup(),
                        adopted.map(DirectoryUser::id).orElse(null),
                        upn);
        if (through != null && through.refusal() != null) {
            return Drafted.refused(through.refusal(), null);
        }
        String create = "Create the user " + upn + " with its mailbox in " + accounts.directoryName()
                + " (New-Mailbox), enabled and with no password change at next logon, its password kept in the secret"
                + " store";
        boolean someoneElses = adopted.isPresent() && !accounts.createdByThisBot(account);
        Runbook.Builder runbook = Runbook.titled("Set up Exchange sync for " + upn
                        + (scopeGroup == null ? "" : " over the mailboxes of '" + scopeGroup + "' only"))
                .target(upn, adopted.map(DirectoryUser::id).orElse(null))
                .secretLocation(account::secretLocation)
                .step(
                        adopted.isPresent() ? "Use the existing account " + upn : create,
                        () -> accounts.createOrAdopt(account),
                        () -> accounts.restore(account));
        if (adopted.isPresent() && upn.equalsIgnoreCase(account.upn) && !someoneElses) {
            // the account this bot created, e.g. in an earlier attempt of this very plan: approvers read "Create"
            runbook.alsoApprovedAs(create);
        }
        runbook.step(
                "Set its password never to expire unless it is so already",
                () -> accounts.ensurePasswordNeverExpires(account));
        if (someoneElses) {
            // New-Mailbox makes the mailbox with the account; an account made some other way may have none
            runbook.step(
                    "Check that " + upn + " is enabled and has a mailbox",
                    () -> accounts.checkEnabledWithMailbox(account.user));
        }
        if (scope != null) {
            impersonation.grantScoped(
                    runbook,
                    upn,
                    () -> account.user,
                    scopeGroup,
                    scope.group().distinguishedName(),
                    scope.group().members().size());
            return new Drafted.Ready(runbook.build());
        }
        impersonation.grant(
                runbook,
                upn,
                () -> account.user,
                through == null ? null : through.throughGroup(),
                approvedMembers,
                properties.roleGroup());
        return new Drafted.Ready(runbook.build());
    }

    private String defaultGroup() {
        return properties.membership() == ProvisioningProperties.Membership.GROUP ? properties.securityGroup() : null;
    }

    /**
     * ApplicationImpersonation exists on Exchange Server only: Exchange Online retired it, so a bot that manages
     * Exchange Online never plans it, whatever its Exchange answers.
     */
    private boolean impersonationExists() {
        return properties.exchangeFlavour() == ProvisioningProperties.ExchangeFlavour.EXCHANGE_SERVER
                && exchange.managementRole(IMPERSONATION).isPresent();
    }

    private Optional<DirectoryUser> find(AccountRef account) {
        return account instanceof AccountRef.ByUpn
                ? directory.findUser(account.value())
                : directory.findUserByAlias(account.value());
    }

    private static Drafted unknownAccount(AccountRef account) {
        String alias = account.value().contains("@")
                ? account.value().substring(0, account.value().indexOf('@'))
                : account.value();
        boolean newAlias = DirectoryRules.NEW_ACCOUNT_ALIAS.accepts(alias);
        return Drafted.refused(
                "There is no account " + account.value() + " in the directory, so there is nobody to grant"
                        + " impersonation to.",
                newAlias ? "setup exchange sync for " + alias : null);
    }
}
