package io.serviceaccountbot.tenant.exchange;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Exchange Server runner is and how patiently the bot follows its jobs: the Azure Automation account whose
 * runbook runs Exchange Server's cmdlets on a Hybrid Runbook Worker group inside the customer's network ({@code
 * deploy/exchange-server/PROTOCOL.md}).
 *
 * @param subscriptionId the Azure subscription (a UUID) of the Automation account; empty in sandbox mode means the
 *     simulated runner's
 * @param resourceGroup the resource group of the Automation account; empty in sandbox mode means the simulated
 *     runner's
 * @param automationAccount the Automation account that holds the runbook; the bot's identity needs the Automation Job
 *     Operator role on it and Automation Runbook Operator on the runbook; empty in sandbox mode means the simulated
 *     runner's
 * @param runbook the runbook that runs the cmdlets, {@code deploy/exchange-server/Invoke-ExchangeCmdlet.ps1} as
 *     imported into the account
 * @param workerGroup the Hybrid Runbook Worker group whose hosts reach Exchange Server (the job's {@code runOn});
 *     empty in sandbox mode means the simulated runner's
 * @param armUrl the Azure Resource Manager endpoint; empty means {@code https://management.azure.com} in production
 *     and the simulated tenant ({@code http://127.0.0.1:<port>/sandbox/arm}) in sandbox mode
 * @param pollInterval how often the bot asks Azure how a job it started is doing
 * @param jobStartTimeout how long a job may wait to be picked up (New, Activating, Queued) before the bot stops it and
 *     reports that the worker group looks offline
 * @param jobTimeout how long a job may take in all before the bot stops it and reports it as timed out
 * @param requestTimeout how long one Azure Resource Manager request may take before it is abandoned (and tried again,
 *     up to four attempts)
 * @param stepHold how long a plan's step follows a job that has not ended before the step is put back, to be checked
 *     again later without holding a thread meanwhile (the job goes on, and the step follows it again by its name)
 */
@ConfigurationProperties("bot.exchange-server.runner")
public record ExchangeServerRunnerProperties(
        String subscriptionId,
        String resourceGroup,
        String automationAccount,
        @DefaultValue("Invoke-ExchangeCmdlet") String runbook,
        String workerGroup,
        String armUrl,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("10m") Duration jobStartTimeout,
        @DefaultValue("30m") Duration jobTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("10s") Duration stepHold) {

    public ExchangeServerRunnerProperties {
        if (runbook == null || runbook.isBlank()) {
            throw new IllegalArgumentException(
                    "bot.exchange-server.runner.runbook must name the runbook, e.g. Invoke-ExchangeCmdlet");
        }
        runbook = runbook.strip();
        requirePositive(pollInterval, "poll-interval", "5s");
        requirePositive(jobStartTimeout, "job-start-timeout", "10m");
        requirePositive(jobTimeout, "job-timeout", "30m");
        requirePositive(requestTimeout, "request-timeout", "30s");
        requirePositive(stepHold, "step-hold", "10s");
        if (jobTimeout.compareTo(jobStartTimeout) < 0) {
            throw new IllegalArgumentException("bot.exchange-server.runner.job-timeout (" + jobTimeout
                    + ") must not be shorter than job-start-timeout (" + jobStartTimeout + ")");
        }
    }

    private static void requirePositive(Duration value, String name, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "bot.exchange-server.runner." + name + " must be positive, e.g. " + example);
        }
    }
}
