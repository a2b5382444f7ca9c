package io.serviceaccountbot.plans;

import static io.serviceaccountbot.plans.ExchangeOnlineFacts.IMPERSONATION;

import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.ExchangeAdmin.RoleGroup;
import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.GroupMember;
import io.serviceaccountbot.tenant.TenantException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The article's second and third steps as runbook steps: the mail-enabled security group with the account in it, the
 * role group holding ApplicationImpersonation with the group (or the account) as member, and the check that the
 * account effectively holds the role. Each step reads what Exchange has first, changes only what is missing, and
 * reads back what it changed; a role group that exists without the role is not changed behind anyone's back, the
 * step fails with the fix instead.
 */
final class ImpersonationSteps {

    private final ExchangeAdmin exchange;
    private final GroupAudience audience;

    ImpersonationSteps(ExchangeAdmin exchange, GroupAudience audience) {
        this.exchange = exchange;
        this.audience = audience;
    }

    /**
     * Adds the grant steps for an account that exists by the time they run.
     *
     * @param upn the account's sign-in name, for the words
     * @param account the account, once it exists
     * @param through the mail-enabled security group to go through and who is in it already, as planned; null to make
     *     the account a direct member
     * @param approvedMembers the object ids (lower case) of the group's members the approvers saw, checked before
     *     anything is granted through the group; null while planning, when they are the members planned
     * @param roleGroup the role group that holds ApplicationImpersonation
     */
    void grant(
            Runbook.Builder runbook,
            String upn,
            Supplier<DirectoryUser> account,
            PlanPreview.ThroughGroup through,
            Set<String> approvedMembers,
            String roleGroup) {
        String group = through == null ? null : through.group();
        String member = group == null ? upn : group;
        Supplier<Optional<StepOutcome>> unseenMembers = () -> Optional.empty();
        if (through != null) {
            Set<String> approved = approvedMembers != null
                    ? approvedMembers
                    : through.members().stream()
                            .map(planned -> planned.id().toLowerCase(Locale.ROOT))
                            .collect(Collectors.toSet());
            unseenMembers = () -> audience.joinedSinceApproval(
                    group, roleGroup, account.get().id(), account.get().userPrincipalName(), approved);
            runbook.throughGroup(through);
            runbook.step(
                    groupWords(through),
                    () -> {
                        try (ExchangeReads.Kept read = readGroups(group, roleGroup)) {
                            return ensureGroup(group);
                        }
                    },
                    () -> requireGroup(group));
            Supplier<Optional<StepOutcome>> check = unseenMembers;
            runbook.step("Add " + upn + " to it", () -> {
                try (ExchangeReads.Kept read = readGroups(group, roleGroup)) {
                    return check.get().orElseGet(() -> ensureInGroup(group, account.get()));
                }
            });
        }
        Supplier<Optional<StepOutcome>> check = unseenMembers;
        runbook.step(
                "Create the role group '" + roleGroup + "' with the role " + IMPERSONATION + " and the member "
                        + (group == null ? upn : "'" + group + "'"),
                () -> {
                    try (ExchangeReads.Kept read = readGroups(group, roleGroup)) {
                        return check.get()
                                .orElseGet(
                                        () -> ensureRoleGroup(roleGroup, member, group == null ? account.get() : null));
                    }
                },
                () -> requireRoleGroup(roleGroup));
        runbook.step("Check that " + upn + " effectively holds " + IMPERSONATION, () -> checkHolds(account.get()));
    }

    /**
     * What a grant step reads first, asked together: the group (with its members) and the role group (with its
     * members), so that the step's own reads and the check for members who joined since the approval take their
     * answers from one call.
     *
     * @param group the mail-enabled security group; null when the account is a direct member
     */
    private ExchangeReads.Kept readGroups(String group, String roleGroup) {
        return exchange.readTogether(ExchangeReads.none().securityGroup(group).roleGroup(roleGroup));
    }

    /**
     * Adds the steps of impersonation limited to the mailboxes of a group (Exchange Server): a management scope whose
     * filter takes in the group's members, an assignment of ApplicationImpersonation to the account itself with that
     * scope as its {@code -CustomRecipientWriteScope}, and the check that the account holds the role within that scope.
     *
     * @param upn the account's sign-in name, for the words and the assignment
     * @param account the account, once it exists
     * @param scopeGroup the group whose members' mailboxes the account may impersonate
     * @param distinguishedName the group's distinguished name, which the scope's filter names
     * @param mailboxes how many members the group has now, for the words
     */
    void grantScoped(
            Runbook.Builder runbook,
            String upn,
            Supplier<DirectoryUser> account,
            String scopeGroup,
            String distinguishedName,
            int mailboxes) {
        String scope = AppAccessRunbooks.scopeName(scopeGroup);
        String filter = "MemberOfGroup -eq '" + distinguishedName.replace("'", "''") + "'";
        String name = assignmentName(upn, scopeGroup);
        runbook.step(
                        "Create the management scope '" + scope + "' for the members of '" + scopeGroup + "' (" + filter
                                + ")",
                        () -> ensureScope(scope, filter))
                .step(
                        "Assign " + IMPERSONATION + " to " + upn + " itself as '" + name + "', limited to that scope"
                                + " (-CustomRecipientWriteScope): it may impersonate only the " + mailboxes
                                + (mailboxes == 1 ? " mailbox" : " mailboxes") + " of '" + scopeGroup
                                + "', not every mailbox as the article's role group grants",
                        () -> {
                            exchange.ensureUserRoleAssignment(name, IMPERSONATION, upn, scope);
                            return StepOutcome.done("Assigned " + IMPERSONATION + " to " + upn + " as '" + name
                                    + "' within '" + scope + "'");
                        })
                .step(
                        "Check that " + upn + " holds " + IMPERSONATION + " within '" + scope + "' and nowhere else",
                        () -> checkHoldsWithin(account.get(), scope));
    }

    /** The name of the account's own scoped assignment: at most 64 characters, unique per account and group. */
    static String assignmentName(String upn, String scopeGroup) {
        String alias = upn.contains("@") ? upn.substring(0, upn.indexOf('@')) : upn;
        return AppAccessRunbooks.scopeName(alias + " impersonation over " + scopeGroup)
                .substring("Mailboxes of ".length());
    }

    private StepOutcome ensureScope(String scope, String filter) {
        ExchangeAdmin.ManagementScope made = exchange.ensureManagementScope(scope, filter);
        if (!AppAccessRunbooks.sameFilter(made.recipientRestrictionFilter(), filter)) {
            return StepOutcome.failed(
                    "A management scope named '" + scope + "' exists with another filter ("
                            + made.recipientRestrictionFilter() + ")",
                    "Remove or rename it in Exchange (Remove-ManagementScope \"" + scope + "\"), then ask again.");
        }
        return StepOutcome.done("The management scope '" + scope + "' takes in exactly the members of the group");
    }

    private StepOutcome checkHoldsWithin(DirectoryUser user, String scope) {
        List<EffectiveAssignment> held = holdings(user);
        List<EffectiveAssignment> wider = held.stream()
                .filter(assignment -> assignment.recipientScope() == null
                        || !assignment.recipientScope().equalsIgnoreCase(scope))
                .toList();
        if (!wider.isEmpty()) {
            EffectiveAssignment way = wider.get(0);
            return StepOutcome.failed(
                    user.userPrincipalName() + " also holds " + IMPERSONATION + " through '" + way.assignee() + "'"
                            + (way.recipientScope() == null
                                    ? ", over every mailbox"
                                    : ", within '" + way.recipientScope() + "'"),
                    "Type: revoke impersonation from " + user.mailNickname() + ", then ask for the limited grant"
                            + " again.");
        }
        if (held.isEmpty()) {
            return StepOutcome.failed(
                    user.userPrincipalName() + " does not hold " + IMPERSONATION + " within '" + scope + "' yet",
                    "Exchange may take a few minutes to apply a new role assignment; type verify " + user.mailNickname()
                            + " to check again.");
        }
        return StepOutcome.done(user.userPrincipalName() + " holds " + IMPERSONATION + " only within '" + scope
                + "', through its own assignment '" + held.get(0).name() + "'");
    }

    /**
     * "Create the mail-enabled security group …" when it is new or empty, as before; for a group with members, says
     * that it exists and who in it gains the role too.
     */
    private static String groupWords(PlanPreview.ThroughGroup through) {
        List<GroupMember> members = through.members();
        if (members.isEmpty()) {
            return "Create the mail-enabled security group '" + through.group() + "'";
        }
        return "Use the existing mail-enabled security group '" + through.group() + "'; its " + members.size()
                + (members.size() == 1 ? " member gains " : " members gain ") + IMPERSONATION + " too: "
                + GroupAudience.names(members);
    }

    private StepOutcome ensureGroup(String group) {
        if (exchange.securityGroup(group).isPresent()) {
            return StepOutcome.alreadyDone("The mail-enabled security group '" + group + "' exists already");
        }
        exchange.ensureSecurityGroup(group);
        return exchange.securityGroup(group).isPresent()
                ? StepOutcome.done("Created the mail-enabled security group '" + group + "'")
                : StepOutcome.failed(
                        "Exchange created the group '" + group + "' but cannot show it yet",
                        "Exchange may still be replicating; ask again in a few minutes.");
    }

    private StepOutcome ensureInGroup(String group, DirectoryUser user) {
        MailEnabledGroup before = requireGroup(group);
        if (before.members().stream().anyMatch(name -> isUser(name, user))) {
            return StepOutcome.alreadyDone(user.userPrincipalName() + " is in '" + group + "' already");
        }
        exchange.addGroupMember(group, user.userPrincipalName());
        return requireGroup(group).members().stream().anyMatch(name -> isUser(name, user))
                ? StepOutcome.done("Added " + user.userPrincipalName() + " to '" + group + "'")
                : StepOutcome.failed(
                        "Exchange accepted " + user.userPrincipalName() + " into '" + group
                                + "' but does not list it as a member",
                        "Exchange may still be replicating; ask again in a few minutes.");
    }

    private MailEnabledGroup requireGroup(String group) {
        return exchange.securityGroup(group)
                .orElseThrow(() -> new TenantException(
                        TenantException.Kind.NOT_FOUND,
                        "Exchange",
                        null,
                        null,
                        "the mail-enabled security group '" + group + "' is gone",
                        null));
    }

    /** For a run that resumes after the role group step: the role group is still there (reading only). */
    private void requireRoleGroup(String roleGroup) {
        if (exchange.roleGroup(roleGroup).isEmpty()) {
            throw new TenantException(
                    TenantException.Kind.NOT_FOUND,
                    "Exchange",
                    null,
                    null,
                    "the role group '" + roleGroup + "' is gone",
                    null);
        }
    }

    /**
     * The role group with the role and the member. A new one is created with both; an existing one missing the member
     * gets it; an existing one without the role is left alone and the step fails with the fix.
     */
    private StepOutcome ensureRoleGroup(String roleGroup, String member, DirectoryUser directMember) {
        Optional<RoleGroup> existing = exchange.roleGroup(roleGroup);
        if (existing.isEmpty()) {
            exchange.ensureRoleGroup(roleGroup, List.of(IMPERSONATION), List.of(member));
            RoleGroup made = exchange.roleGroup(roleGroup).orElse(null);
            if (made == null || !holdsRole(made) || !hasMember(made, member, directMember)) {
                return StepOutcome.failed(
                        "Exchange created the role group '" + roleGroup + "' but does not show the role and member"
                                + " yet",
                        "Exchange may still be replicating; ask again in a few minutes.");
            }
            return StepOutcome.done("Created the role group '" + roleGroup + "' with " + IMPERSONATION + " and the"
                    + " member " + member);
        }
        RoleGroup found = existing.get();
        if (!holdsRole(found)) {
            return StepOutcome.failed(
                    "The role group '" + roleGroup + "' exists but does not have the role " + IMPERSONATION
                            + " (it has " + (found.roles().isEmpty() ? "no roles" : String.join(", ", found.roles()))
                            + ")",
                    "In the Exchange admin center, add " + IMPERSONATION + " to '" + roleGroup
                            + "' (Roles > Admin roles), or name another role group: in role group \"<name>\"; then ask"
                            + " again.");
        }
        if (hasMember(found, member, directMember)) {
            return StepOutcome.alreadyDone("The role group '" + roleGroup + "' has " + IMPERSONATION
                    + " and the member " + member + " already");
        }
        exchange.addRoleGroupMember(roleGroup, member);
        RoleGroup after = exchange.roleGroup(roleGroup).orElse(found);
        return hasMember(after, member, directMember)
                ? StepOutcome.done("The role group '" + roleGroup + "' existed with " + IMPERSONATION + "; added the"
                        + " member " + member)
                : StepOutcome.failed(
                        "Exchange accepted " + member + " into '" + roleGroup + "' but does not list it as a member",
                        "Exchange may still be replicating; ask again in a few minutes.");
    }

    private StepOutcome checkHolds(DirectoryUser user) {
        Optional<EffectiveAssignment> held = holdings(user).stream().findFirst();
        if (held.isEmpty()) {
            return StepOutcome.failed(
                    user.userPrincipalName() + " does not effectively hold " + IMPERSONATION + " yet",
                    "Exchange may take a few minutes to apply role group changes; type verify " + user.mailNickname()
                            + " to check again.");
        }
        EffectiveAssignment assignment = held.get();
        return StepOutcome.done(user.userPrincipalName() + " holds " + IMPERSONATION + " through the role group '"
                + assignment.assignee() + "'"
                + (assignment.via() == null ? "" : ", as a member of '" + assignment.via() + "'"));
    }

    /** How the user holds ApplicationImpersonation: one line per role group and group it comes through. */
    List<EffectiveAssignment> holdings(DirectoryUser user) {
        return exchange.effectiveAssignments(IMPERSONATION).stream()
                .filter(assignment -> isUser(assignment.user(), user))
                .toList();
    }

    private static boolean holdsRole(RoleGroup group) {
        return group.roles().stream().anyMatch(IMPERSONATION::equalsIgnoreCase);
    }

    private static boolean hasMember(RoleGroup group, String member, DirectoryUser directMember) {
        return group.members().stream()
                .anyMatch(name -> directMember == null ? name.equalsIgnoreCase(member) : isUser(name, directMember));
    }

    /**
     * Whether a name Exchange uses (an address, an alias, a display name, an object id) stands for this user. Exchange
     * lists mailbox users by their primary address, which is usually but not always the sign-in name.
     */
    static boolean isUser(String name, DirectoryUser user) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        return lower.equalsIgnoreCase(user.userPrincipalName())
                || lower.equalsIgnoreCase(user.mailNickname())
                || lower.equalsIgnoreCase(user.id())
                || name.equalsIgnoreCase(user.displayName())
                || (at > 0 && lower.substring(0, at).equalsIgnoreCase(user.mailNickname()));
    }
}
