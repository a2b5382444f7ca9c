package io.serviceaccountbot.sandbox;

import java.util.List;
import java.util.UUID;

/**
 * What an admin left in the simulated Exchange Server organisation before the bot came: a CRM connector's service
 * account in Active Directory that holds ApplicationImpersonation through a role group of its own, over every mailbox.
 * {@code review mailbox access} finds it; nothing else of the bot's uses it.
 */
final class LegacyImpersonationHolder {

    static final String ACCOUNT = "svc-legacy-crm";
    static final String ROLE_GROUP = "Legacy CRM Impersonation";

    private LegacyImpersonationHolder() {}

    static void create(SimulatedExchange recipients, SimulatedRoleGroups roleGroups) {
        recipients.newMailbox(
                ACCOUNT,
                ACCOUNT,
                ACCOUNT + "@example.com",
                "Legacy CRM Sync",
                "example.com/Service Accounts",
                // nobody signs in as it: a password no one knows, complex enough for the domain's policy
                "Lc1!" + UUID.randomUUID());
        roleGroups.newRoleGroup(ROLE_GROUP, List.of(SimulatedRoleGroups.IMPERSONATION), List.of(ACCOUNT));
    }
}
