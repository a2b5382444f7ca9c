package io.serviceaccountbot.plans;

import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.GroupMember;
import io.serviceaccountbot.tenant.TenantException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who else gains access when access is granted through a mail-enabled security group that exists already and is not
 * in the role group yet (once it is, its members hold the role already, and only the account gains it): its members.
 * On Exchange Online they are listed by the directory (Graph's {@code /groups/{id}/members}) under the object id
 * Exchange gives the group; on Exchange Server the group lives in Active Directory, which Graph cannot see, so they are
 * the members Exchange lists ({@code Get-DistributionGroupMember}): people by address, groups by name, each person
 * then found in Entra ID by that sign-in name, so that an approver who is a member is known as one.
 * Approvers read them on the card, so the bot will not use a group whose members it cannot show: one with more members
 * than {@code bot.approval.max-group-members}, or one that holds another group (whose members Graph lists only as
 * that group). When the run comes, the group is listed again and the run stops rather than grant access to someone who
 * joined since the approvers read the list.
 */
final class GroupAudience {

    /** How many names the plan's words show before "and N more". */
    static final int NAMES_SHOWN = 5;

    private final ExchangeAdmin exchange;
    private final Directory directory;
    private final int maxMembers;
    private final boolean membersFromExchange;

    /**
     * @param membersFromExchange whether the members are those Exchange lists (Exchange Server) rather than those the
     *     directory lists (Exchange Online)
     */
    GroupAudience(ExchangeAdmin exchange, Directory directory, int maxMembers, boolean membersFromExchange) {
        this.exchange = exchange;
        this.directory = directory;
        this.maxMembers = maxMembers;
        this.membersFromExchange = membersFromExchange;
    }

    /**
     * The members of the group other than the account being granted access (who is named on its own), when planning.
     *
     * @param targetObjectId the account's object id; null when it does not exist yet
     * @param targetUpn the account's sign-in name
     *
     * @return the group's other members (none when the group does not exist yet), or the refusal when the bot will not
     *     use the group
     */
    Planned plan(String group, String roleGroup, String targetObjectId, String targetUpn) {
        if (holdsRoleAlready(roleGroup, group)) {
            return new Planned(new PlanPreview.ThroughGroup(group, List.of()), null);
        }
        List<GroupMember> members = othersIn(group, targetObjectId, targetUpn);
        Optional<GroupMember> nested =
                members.stream().filter(GroupMember::group).findFirst();
        if (nested.isPresent()) {
            return new Planned(
                    null,
                    "Group '" + group + "' contains the group '" + nested.get().name() + "'; the bot cannot show who"
                            + " that gives access to, so it will not use it. Use a group with people only, or name"
                            + " another group: via group \"<name>\".");
        }
        if (members.size() > maxMembers) {
            return new Planned(
                    null,
                    "Group '" + group + "' has " + members.size() + " members, and each of them would gain access;"
                            + " approvers are shown at most " + maxMembers + " (bot.approval.max-group-members), so the"
                            + " bot will not use it. Name a group with fewer members: via group \"<name>\".");
        }
        return new Planned(new PlanPreview.ThroughGroup(group, members), null);
    }

    /**
     * Before access is granted through the group: the step's failure when the group has members now whom the approvers
     * did not see; otherwise empty.
     *
     * @param approvedIds the object ids of the members the approvers saw
     */
    Optional<StepOutcome> joinedSinceApproval(
            String group, String roleGroup, String targetObjectId, String targetUpn, Set<String> approvedIds) {
        if (holdsRoleAlready(roleGroup, group)) {
            return Optional.empty();
        }
        List<String> joined = new ArrayList<>();
        for (GroupMember member : othersIn(group, targetObjectId, targetUpn)) {
            if (!approvedIds.contains(member.id().toLowerCase(Locale.ROOT))) {
                joined.add(member.name() + (member.group() ? " (a group)" : ""));
            }
        }
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StepOutcome.failed(
                "Group '" + group + "' gained members since approval: " + String.join(", ", joined)
                        + ". Nothing was granted through it",
                "Ask again so approvers see them: type the command again."));
    }

    /** E.g. "Megan Bowen, Adele Vance and 2 more": the first few names, and how many more. */
    static String names(List<GroupMember> members) {
        List<String> names =
                members.stream().limit(NAMES_SHOWN).map(GroupMember::name).toList();
        int more = members.size() - names.size();
        if (more > 0) {
            return String.join(", ", names) + " and " + more + " more";
        }
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /**
     * Whether the group is a member of the role group, which holds ApplicationImpersonation, already: then its members
     * hold the role already, and granting through it gives it to the account alone.
     */
    private boolean holdsRoleAlready(String roleGroup, String group) {
        return exchange.roleGroup(roleGroup)
                .filter(found -> found.roles().stream().anyMatch(ExchangeOnlineFacts.IMPERSONATION::equalsIgnoreCase))
                .filter(found -> found.members().stream().anyMatch(group::equalsIgnoreCase))
                .isPresent();
    }

    private List<GroupMember> othersIn(String group, String targetObjectId, String targetUpn) {
        Optional<MailEnabledGroup> found = exchange.securityGroup(group);
        if (found.isEmpty()) {
            return List.of();
        }
        if (membersFromExchange) {
            return found.get().members().stream()
                    .filter(name -> targetUpn == null || !name.equalsIgnoreCase(targetUpn))
                    .map(this::exchangeMember)
                    .toList();
        }
        String objectId = found.get().objectId();
        if (objectId == null) {
            throw new TenantException(
                    TenantException.Kind.INVALID_REQUEST,
                    "Exchange",
                    null,
                    null,
                    "Exchange did not give the Entra object id of the group '" + group + "', so its members cannot be"
                            + " listed",
                    null);
        }
        return directory.groupMembers(objectId).stream()
                .filter(member -> targetObjectId == null || !member.id().equalsIgnoreCase(targetObjectId))
                .toList();
    }

    /**
     * A member as Exchange lists it, a person by address and a group by name, resolved to the person in Entra ID where
     * the directory has someone with that sign-in name (Active Directory's people are synchronised there): then the id
     * is their object id, which is how the approval rules know an approver who is a member, and the name is theirs. A
     * member Entra ID does not know (an account only in Active Directory) keeps the address as id and name.
     */
    private GroupMember exchangeMember(String name) {
        boolean person = name.contains("@");
        if (person) {
            Optional<DirectoryUser> synced = directory.findUser(name);
            if (synced.isPresent()) {
                DirectoryUser user = synced.get();
                return new GroupMember(
                        user.id().toLowerCase(Locale.ROOT), user.displayName(), user.userPrincipalName(), false);
            }
        }
        return new GroupMember(name.toLowerCase(Locale.ROOT), null, name, !person);
    }

    /**
     * A group as planned.
     *
     * @param throughGroup the group and its other members; null when refused
     * @param refusal why the bot will not use the group; null when it will
     */
    record Planned(PlanPreview.ThroughGroup throughGroup, String refusal) {}
}
