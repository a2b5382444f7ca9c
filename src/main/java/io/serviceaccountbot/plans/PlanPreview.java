package io.serviceaccountbot.plans;

import io.serviceaccountbot.tenant.GroupMember;
import java.util.List;

/** A plan as people read it, or the reason there is none. */
public sealed interface PlanPreview {

    /**
     * The command can be carried out.
     *
     * @param title one line, e.g. "Grant ApplicationImpersonation to svc-sync@contoso.com"
     * @param steps every step, in order, in words, e.g. "Create the mail-enabled security group 'Exchange Sync
     *     Accounts'"
     * @param target the account (or app) that gains or loses access, as the directory names it
     * @param targetObjectId the target's Entra object id when known (so it cannot approve for itself); otherwise null
     * @param throughGroup when access goes through a group, the group and its members other than the target, who gain
     *     the access too (none when the group is made by the plan); null when access goes through no group
     */
    record Ready(String title, List<String> steps, String target, String targetObjectId, ThroughGroup throughGroup)
            implements PlanPreview {

        public Ready {
            steps = List.copyOf(steps);
        }

        /** A plan that gives access through no group. */
        public Ready(String title, List<String> steps, String target, String targetObjectId) {
            this(title, steps, target, targetObjectId, null);
        }
    }

    /**
     * A group through which access is granted, and who is in it already.
     *
     * @param group its name
     * @param members its members other than the target, who gain the access too
     */
    record ThroughGroup(String group, List<GroupMember> members) {

        public ThroughGroup {
            members = List.copyOf(members);
        }
    }

    /**
     * The command cannot be carried out in this organisation, whoever approves it.
     *
     * @param reason why, in a few sentences an admin understands (with dates where they matter)
     * @param alternative a command that does what is possible instead, ready to be typed, or null
     */
    record Refused(String reason, String alternative) implements PlanPreview {}
}
