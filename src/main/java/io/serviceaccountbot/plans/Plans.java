package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.tenant.TenantException;

/**
 * What a command would do, step by step in words, before anything runs: shown by {@code plan <command>}, put on the
 * approval card of a privileged command, and checked against the organisation first (on Exchange Online, where
 * ApplicationImpersonation no longer exists, an impersonation plan is refused before anyone is asked to approve it).
 */
public interface Plans {

    /**
     * The plan of a command, or why it cannot be carried out here. It reads the tenant and changes nothing; {@code
     * plan <command>} gives the plan of the command inside.
     *
     * @throws TenantException when the tenant cannot be read just now
     */
    PlanPreview preview(Command command);
}
