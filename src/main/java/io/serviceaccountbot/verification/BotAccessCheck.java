package io.serviceaccountbot.verification;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.TokenUnavailableException;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeServerRunnerHealth;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code doctor}: whether the bot may do its work in the tenant. It gets each token, then makes one harmless read per
 * permission the bot's commands need (the same calls the steps make, on objects that do not exist, so nothing
 * changes), and says for each what is missing and what will fail without it. A read proves what reading needs; a write
 * permission (creating users, assigning licences) is only proven by the change itself, and the line says so.
 */
public class BotAccessCheck {

    /** An object id that names nothing, for reads that must change nothing. */
    static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    /** How recently a Hybrid Runbook Worker must have checked in to count as online. */
    static final Duration WORKER_SEEN_WITHIN = Duration.ofMinutes(30);

    private final AccessTokens tokens;
    private final Directory directory;
    private final ExchangeAdmin exchange;
    private final SecretStore secrets;
    private final Optional<ExchangeServerRunnerHealth> runner;
    private final Clock clock;

    /**
     * @param runner Exchange Server's runner, when the organisation runs Exchange Server; empty for Exchange Online
     */
    public BotAccessCheck(
            AccessTokens tokens,
            Directory directory,
            ExchangeAdmin exchange,
            SecretStore secrets,
            Optional<ExchangeServerRunnerHealth> runner,
            Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.exchange = exchange;
        this.secrets = secrets;
        this.runner = runner;
        this.clock = clock;
    }

    /** Every check, in the order the bot's work needs them. */
    public VerificationReport check() {
        List<Check> checks = new ArrayList<>();
        boolean graph = token(checks, "Microsoft Graph", AccessTokens.GRAPH);
        if (graph) {
            checks.add(graph(
                    "User.ReadWrite.All",
                    "creating and updating service accounts",
                    "reads users; creating them needs the write permission, which only a creation proves",
                    () -> directory.findUserByAlias("doctor-probe-" + NOBODY.substring(0, 8))));
            checks.add(graph(
                    "LicenseAssignment.ReadWrite.All",
                    "the licence step",
                    "reads the organisation's licences; assigning one needs the write permission",
                    directory::subscribedSkus));
            checks.add(graph(
                    "MailboxSettings.Read",
                    "waiting for the mailbox and the mailbox check of verify",
                    "reads mailbox settings",
                    () -> directory.mailboxStatus(NOBODY)));
            checks.add(graph(
                    "GroupMember.Read.All",
                    "every command (who is an admin or an approver is read from group membership)",
                    "reads group membership",
                    () -> directory.memberGroups(NOBODY, Set.of(NOBODY))));
            checks.add(graph(
                    "Domain.Read.All",
                    "creating accounts (their sign-in name takes the verified domain)",
                    "reads the verified domains",
                    directory::verifiedDomainsAfresh));
            checks.add(graph(
                    "Application.Read.All",
                    "grant app access (the app is looked up in Entra ID)",
                    "reads enterprise applications",
                    () -> directory.findServicePrincipal(NOBODY)));
            checks.add(graph(
                    "AppRoleAssignment.ReadWrite.All",
                    "removing an app's tenant-wide mailbox permissions in grant app access (the plan then shows how"
                            + " to remove them by hand)",
                    "removes app role assignments (tried on one that does not exist)",
                    () -> directory.removeTenantWidePermission(
                            new ServicePrincipal(NOBODY, NOBODY, "doctor probe"), NOBODY)));
        }
        if (runner.isPresent()) {
            exchangeServer(checks, runner.get());
        } else if (token(checks, "Exchange Online", AccessTokens.EXCHANGE)) {
            checks.add(probe(
                    "Exchange: Exchange.ManageAsApp and an Exchange role",
                    "runs Exchange admin cmdlets (Get-ManagementRole)",
                    "Exchange.ManageAsApp or the Exchange Administrator role missing: every Exchange step (groups,"
                            + " role groups, app access) and verify will fail",
                    "Add the application permission Exchange.ManageAsApp (Office 365 Exchange Online) with admin"
                            + " consent, and assign the app the Exchange Administrator role in Entra ID.",
                    () -> exchange.managementRole("ApplicationImpersonation")));
        }
        token(checks, "Bot Connector", AccessTokens.BOT_CONNECTOR);
        checks.add(probe(
                "Secret store",
                "reads secrets",
                "the bot may not read its secret store: generated passwords cannot be stored, so creating accounts"
                        + " will fail",
                "Give the bot's identity the Key Vault Secrets Officer role on the vault (bot.secrets.key-vault-uri).",
                () -> secrets.get("doctor-probe")));
        return new VerificationReport("the bot's access to the tenant", checks);
    }

    /**
     * Exchange Server through the runner: a token for Azure Resource Manager, the runbook published, a worker of the
     * group checked in lately, and then (only then, as a job waits for a worker) one harmless cmdlet through it.
     */
    private void exchangeServer(List<Check> checks, ExchangeServerRunnerHealth runner) {
        if (!token(checks, "Azure Resource Manager", AccessTokens.AZURE_MANAGEMENT)) {
            return;
        }
        String runbook = "Exchange Server runner: the runbook is published";
        try {
            Optional<String> state = runner.runbookState();
            if (state.isEmpty()) {
                checks.add(Check.failed(
                        runbook,
                        "There is no such runbook: " + runner.describe(),
                        "Import and publish deploy/exchange-server/Invoke-ExchangeCmdlet.ps1 in the Automation account"
                                + " (deploy/azure/deploy.sh does it)."));
                return;
            }
            if (!"Published".equalsIgnoreCase(state.get())) {
                checks.add(Check.failed(
                        runbook,
                        "It is " + state.get() + ", not Published, so no job of it can start: " + runner.describe(),
                        "Publish it in the Automation account (Runbooks > Invoke-ExchangeCmdlet > Publish)."));
                return;
            }
            checks.add(Check.passed(runbook, "Published: " + runner.describe()));
        } catch (TenantException e) {
            checks.add(failedRead(runbook, e));
            return;
        }
        String workers = "Exchange Server runner: a worker is online";
        Map<String, Instant> seen;
        try {
            seen = runner.workersLastSeen();
        } catch (TenantException e) {
            checks.add(failedRead(workers, e));
            return;
        }
        Instant since = clock.instant().minus(WORKER_SEEN_WITHIN);
        Optional<Map.Entry<String, Instant>> latest = seen.entrySet().stream().max(Map.Entry.comparingByValue());
        if (latest.isEmpty() || latest.get().getValue().isBefore(since)) {
            checks.add(Check.failed(
                    workers,
                    latest.map(worker -> "No worker has checked in for " + WORKER_SEEN_WITHIN.toMinutes() + " minutes ("
                                            + worker.getKey() + " last at " + worker.getValue() + ")")
                                    .orElse("The worker group has no worker")
                            + ": jobs would wait, and every Exchange step would fail",
                    "Check the Hybrid Runbook Worker host: the machine is on, its Hybrid Worker extension runs, and it"
                            + " reaches Azure Automation on outbound 443 (deploy/exchange-server/README.md)."));
            return;
        }
        checks.add(Check.passed(
                workers,
                latest.get().getKey() + " checked in at " + latest.get().getValue()));
        checks.add(probe(
                "Exchange Server: the runner's account runs Exchange cmdlets",
                "runs Exchange cmdlets through the runner (Get-ManagementRole)",
                "the runner's account may not run Exchange cmdlets: every Exchange step and verify will fail",
                "Give the worker group's Run As account the role group of deploy/exchange-server/README.md.",
                () -> exchange.managementRole("ApplicationImpersonation")));
    }

    private static Check failedRead(String name, TenantException e) {
        return Check.failed(
                name,
                "Could not read it: " + e.getMessage(),
                e.fix() != null
                        ? e.fix()
                        : e.isTransient() ? "Try doctor again in a few minutes." : "Check the bot's runner settings.");
    }

    private boolean token(List<Check> checks, String service, String scope) {
        String name = service + ": token";
        try {
            tokens.forScope(scope);
            checks.add(Check.passed(name, "The bot gets a token for " + service));
            return true;
        } catch (TokenUnavailableException e) {
            checks.add(Check.failed(
                    name,
                    "No token for " + service + ": " + e.getMessage(),
                    "Check bot.identity.tenant-id, bot.identity.app-id and the credential (client secret, certificate"
                            + " or managed identity) of the app registration."));
            return false;
        }
    }

    private Check graph(String permission, String needs, String proves, Runnable read) {
        return probe(
                "Graph: " + permission,
                proves,
                permission + " missing: " + needs + " will fail",
                "Add the application permission " + permission + " (Microsoft Graph) to the app registration and"
                        + " grant admin consent.",
                read);
    }

    private static Check probe(String name, String proves, String missing, String fix, Runnable read) {
        try {
            read.run();
            return Check.passed(name, "Granted: the bot " + proves);
        } catch (TenantException e) {
            return switch (e.kind()) {
                case NOT_FOUND -> Check.passed(name, "Granted: the bot " + proves);
                case ACCESS_DENIED -> Check.failed(name, missing, fix);
                default ->
                    Check.failed(
                            name,
                            "Could not check: " + e.getMessage(),
                            e.isTransient()
                                    ? "Try doctor again in a few minutes."
                                    : "See the bot's log for the" + " request id.");
            };
        }
    }
}
