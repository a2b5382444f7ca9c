package io.serviceaccountbot.tenant;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code doctor} asks of Exchange Server's runner before any job: whether the Automation account has the runbook
 * published, and when the workers of the group last checked in. Failures are {@link TenantException}s.
 */
public interface ExchangeServerRunnerHealth {

    /** The runbook's state, Published when jobs of it may start; empty when the account has no runbook of its name. */
    Optional<String> runbookState();

    /** When each worker of the group last checked in, by worker name. */
    Map<String, Instant> workersLastSeen();

    /** The runbook, worker group and Automation account, as admins find them in the portal. */
    String describe();
}
