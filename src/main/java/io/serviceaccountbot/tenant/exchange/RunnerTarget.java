package io.serviceaccountbot.tenant.exchange;

/**
 * Where runner jobs go: the Automation account, the runbook in it, and the Hybrid Runbook Worker group that runs them.
 */
record RunnerTarget(AutomationAccount account, String runbook, String workerGroup) {

    RunnerTarget {
        if (workerGroup == null || workerGroup.isBlank()) {
            throw new IllegalArgumentException("bot.exchange-server.runner.worker-group must name the Hybrid Runbook"
                    + " Worker group whose hosts reach Exchange Server");
        }
    }
}
