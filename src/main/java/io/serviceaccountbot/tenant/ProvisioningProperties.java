package io.serviceaccountbot.tenant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the tenant's APIs are, how patiently the bot talks to them, and the defaults of the provisioning procedure.
 *
 * @param graphBaseUrl the Microsoft Graph v1.0 endpoint; empty means the public cloud in production and the simulated
 *     tenant ({@code http://127.0.0.1:<port>/sandbox/graph/v1.0}) in sandbox mode
 * @param defaultLicense the licence new service accounts get unless the command names one, by skuPartNumber
 *     ({@code STANDARDPACK} is Office 365 E1, the article's minimum)
 * @param defaultUsageLocation the usage location new service accounts get unless the command names one; Microsoft
 *     requires one before a licence can be assigned
 * @param graphTimeout how long one Microsoft Graph request may take before the bot gives up on it
 * @param graphMaxRetries how many times a Microsoft Graph request is tried again when Graph throttles it (429) or
 *     cannot serve it (503, 504)
 * @param graphMaxRetryWait the longest the bot waits before trying a Microsoft Graph request again; when Graph asks
 *     for a longer wait (Retry-After), the bot does not retry and reports that Graph is throttling it
 * @param exchangeBaseUrl the Exchange Online admin API host, to which {@code /adminapi/beta/<tenant>/InvokeCommand} is
 *     appended; empty means {@code https://outlook.office365.com} in production and the simulated tenant ({@code
 *     http://127.0.0.1:<port>/sandbox/exchange}) in sandbox mode
 * @param exchangeOrganization the organisation's initial domain (e.g. {@code contoso.onmicrosoft.com}), used in the
 *     {@code X-AnchorMailbox} routing hint of Exchange calls; empty means the tenant id
 * @param exchangeTimeout how long one Exchange call may take before it is abandoned (and retried, up to four attempts)
 * @param ewsUrl the Exchange Web Services endpoint of the live impersonation probe ({@code verify … against
 *     <mailbox>}), e.g. {@code https://mail.contoso.com/EWS/Exchange.asmx} for Exchange Server; empty means Exchange
 *     Online's in production and the simulated tenant's in sandbox mode
 * @param roleGroup the Exchange role group that holds ApplicationImpersonation, the knowledge article's example name
 *     unless configured; {@code grant impersonation … in role group "…"} names another
 * @param securityGroup the mail-enabled security group that contains the service accounts, and that becomes the role
 *     group's member; {@code grant impersonation … via group "…"} names another
 * @param membership how a service account joins the role group: {@code group} (through the security group, as the
 *     article prefers) or {@code direct} (the account itself becomes a member of the role group)
 * @param mailboxWait how long the bot follows up on the mailbox of an account it created in Exchange Online (licensed;
 *     Exchange makes the mailbox later) before it stops and says so; usually a few minutes, sometimes much longer
 * @param stepAttempts how many times a step of an approved plan is tried when the tenant is busy or unavailable (after
 *     the Graph and Exchange clients' own retries); 1 means no retry
 * @param stepBackoff how long to wait before trying a step again the first time; the wait doubles with each attempt
 * @param runThreads how many approved plans one replica runs at once; more wait their turn (a plan waiting for a
 *     mailbox holds no thread)
 * @param runPollInterval how often a replica looks in the database for plans to run, besides those approved on it
 * @param runHeartbeat how often a replica records that it is still running its plans; a run counts as dead four
 *     heartbeats after its last one and each replica looks for dead runs every two, so another replica (or the same
 *     one after a restart) takes it over between three and six heartbeats after its replica died (15 to 30 s with the
 *     default) and resumes it at the step it was in
 * @param runRetryDelay how long a run that ended abnormally (the bot stopping, the database unreachable) waits before
 *     it is resumed
 * @param runSweepInterval how often each replica schedules any approved plan that has no run yet (e.g. approved just
 *     before a crash)
 */
@ConfigurationProperties("bot.provisioning")
public record ProvisioningProperties(
        String graphBaseUrl,
        @DefaultValue("STANDARDPACK") String defaultLicense,
        @DefaultValue("US") String defaultUsageLocation,
        @DefaultValue("30s") Duration graphTimeout,
        @DefaultValue("3") int graphMaxRetries,
        @DefaultValue("30s") Duration graphMaxRetryWait,
        @DefaultValue("exchange-online") ExchangeFlavour exchangeFlavour,
        String exchangeBaseUrl,
        String exchangeOrganization,
        @DefaultValue("60s") Duration exchangeTimeout,
        String ewsUrl,
        @DefaultValue("Exchange sync role group") String roleGroup,
        @DefaultValue("Exchange Sync Accounts") String securityGroup,
        @DefaultValue("group") Membership membership,
        @DefaultValue("30m") Duration mailboxWait,
        @DefaultValue("3") int stepAttempts,
        @DefaultValue("10s") Duration stepBackoff,
        @DefaultValue("4") int runThreads,
        @DefaultValue("10s") Duration runPollInterval,
        @DefaultValue("5s") Duration runHeartbeat,
        @DefaultValue("30s") Duration runRetryDelay,
        @DefaultValue("5m") Duration runSweepInterval) {

    /** Which Exchange the organisation runs, and so how the bot reaches its cmdlets. */
    public enum ExchangeFlavour {
        /** Exchange Online's admin API (InvokeCommand), with the bot's own token. */
        EXCHANGE_ONLINE,
        /**
         * Exchange Server, through the runbook of {@code bot.exchange-server.runner.*} on a Hybrid Runbook Worker in
         * the organisation's network.
         */
        EXCHANGE_SERVER
    }

    /** How a service account holds the role group's roles. */
    public enum Membership {
        /** Through the mail-enabled security group, which is the role group's member (the article's preference). */
        GROUP,
        /** As a member of the role group itself. */
        DIRECT
    }

    public ProvisioningProperties {
        if (graphTimeout == null || graphTimeout.isNegative() || graphTimeout.isZero()) {
            throw new IllegalArgumentException("bot.provisioning.graph-timeout must be positive, e.g. 30s");
        }
        if (graphMaxRetries < 0 || graphMaxRetries > 10) {
            throw new IllegalArgumentException("bot.provisioning.graph-max-retries must be between 0 and 10");
        }
        if (graphMaxRetryWait == null || graphMaxRetryWait.isNegative()) {
            throw new IllegalArgumentException("bot.provisioning.graph-max-retry-wait must not be negative, e.g. 30s");
        }
        if (roleGroup == null || roleGroup.isBlank() || roleGroup.length() > 64) {
            throw new IllegalArgumentException("bot.provisioning.role-group must be a name of 1 to 64 characters");
        }
        if (securityGroup == null || securityGroup.isBlank() || securityGroup.length() > 64) {
            throw new IllegalArgumentException("bot.provisioning.security-group must be a name of 1 to 64 characters");
        }
        if (mailboxWait == null || mailboxWait.isNegative()) {
            throw new IllegalArgumentException("bot.provisioning.mailbox-wait must not be negative, e.g. 30m");
        }
        if (stepAttempts < 1 || stepAttempts > 10) {
            throw new IllegalArgumentException("bot.provisioning.step-attempts must be between 1 and 10");
        }
        if (stepBackoff == null || stepBackoff.isNegative()) {
            throw new IllegalArgumentException("bot.provisioning.step-backoff must not be negative, e.g. 10s");
        }
        if (runThreads < 1 || runThreads > 64) {
            throw new IllegalArgumentException("bot.provisioning.run-threads must be between 1 and 64");
        }
        requirePositive(runPollInterval, "run-poll-interval", "10s");
        requirePositive(runHeartbeat, "run-heartbeat", "5s");
        requirePositive(runRetryDelay, "run-retry-delay", "30s");
        requirePositive(runSweepInterval, "run-sweep-interval", "5m");
    }

    private static void requirePositive(Duration value, String name, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("bot.provisioning." + name + " must be positive, e.g. " + example);
        }
    }
}
