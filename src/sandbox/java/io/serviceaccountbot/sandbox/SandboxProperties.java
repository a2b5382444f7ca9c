package io.serviceaccountbot.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The simulated tenant.
 *
 * @param seed the JSON file the simulated tenant starts from
 * @param exchangeFlavour which Exchange it behaves like: {@code exchange-server} (the default: Exchange Server
 *     on-premises, reached through the runner, where ApplicationImpersonation exists and service accounts live in
 *     Active Directory) or {@code exchange-online} (no ApplicationImpersonation; RBAC for Applications works)
 * @param mailboxDelay how long after an Exchange licence is assigned the mailbox becomes ready
 * @param latency added to every simulated Graph and Exchange call
 * @param refusedPermissions application permissions the simulated tenant has not granted the bot (e.g.
 *     LicenseAssignment.ReadWrite.All, Exchange.ManageAsApp), to see what {@code doctor} and the commands say
 * @param runner the simulated Exchange Server runner: an Azure Automation account under {@code /sandbox/arm} whose
 *     jobs run the runbook Invoke-ExchangeCmdlet against the simulated organisation
 * @param ewsBasic whether the simulated Exchange Web Services also offer and accept Basic besides Negotiate and NTLM
 *     (Exchange Server's EWS offers only Windows Integrated authentication unless Basic is turned on)
 */
@ConfigurationProperties("bot.sandbox")
public record SandboxProperties(
        @DefaultValue("classpath:sandbox/seed.json") Resource seed,
        @DefaultValue("exchange-server") ExchangeFlavour exchangeFlavour,
        @DefaultValue("10s") Duration mailboxDelay,
        @DefaultValue("0ms") Duration latency,
        List<String> refusedPermissions,
        @DefaultValue Runner runner,
        @DefaultValue("true") boolean ewsBasic) {

    public SandboxProperties {
        refusedPermissions = refusedPermissions == null ? List.of() : List.copyOf(refusedPermissions);
    }

    /**
     * The simulated Exchange Server runner (see {@code deploy/exchange-server/PROTOCOL.md}): the one Automation
     * account, hybrid worker group and runbook the sandbox serves, and the Exchange server its jobs reach.
     *
     * @param jobStartDelay how long a new job stays New before the worker picks it up; short, so the sandbox chat
     *     stays snappy
     * @param subscriptionId the Azure subscription of the Automation account
     * @param resourceGroup the resource group of the Automation account
     * @param automationAccount the Automation account's name
     * @param workerGroup the Hybrid Runbook Worker group jobs must name in {@code runOn}
     * @param keyVault the Key Vault the runbook reads secret parameters from (the Automation variable
     *     ExchangeRunnerKeyVault); the sandbox reads them from its own secret store and uses this name in messages
     * @param serverName the Exchange server the runbook's session reaches
     * @param serverVersion that server's AdminDisplayVersion, e.g. {@code Version 15.2 (Build 2562.17)} for Exchange
     *     Server Subscription Edition RTM, {@code Version 15.2 (Build 1748.10)} for Exchange 2019 CU15
     */
    public record Runner(
            @DefaultValue("300ms") Duration jobStartDelay,

            @DefaultValue("5ab0c5e5-0000-4000-8000-000000000001")
            String subscriptionId,

            @DefaultValue("rg-service-account-bot") String resourceGroup,
            @DefaultValue("aa-exchange-runner") String automationAccount,
            @DefaultValue("exchange-server-workers") String workerGroup,
            @DefaultValue("kv-exchange-runner") String keyVault,
            @DefaultValue("EX01") String serverName,
            @DefaultValue("Version 15.2 (Build 2562.17)") String serverVersion) {}

    /** The Exchange the simulator behaves like. */
    public enum ExchangeFlavour {
        /**
         * Exchange Server on-premises (2016, 2019, Subscription Edition), reached through the simulated runner under
         * {@code /sandbox/arm}: ApplicationImpersonation exists, service accounts are made with New-Mailbox in Active
         * Directory, and the seeded mail-enabled groups are there from the start.
         */
        EXCHANGE_SERVER,
        /** Exchange Online today: no ApplicationImpersonation; RBAC for Applications. */
        EXCHANGE_ONLINE
    }
}
