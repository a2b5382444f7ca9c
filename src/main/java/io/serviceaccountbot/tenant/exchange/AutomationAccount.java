package io.serviceaccountbot.tenant.exchange;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * The Azure Automation account whose jobs run Exchange Server's cmdlets, and the Azure Resource Manager addresses of
 * its jobs ({@code deploy/exchange-server/PROTOCOL.md}). Names are checked and every path segment is encoded, so no
 * setting and no job name can reach another resource.
 *
 * @param armUrl the Azure Resource Manager endpoint, e.g. {@code https://management.azure.com}
 */
record AutomationAccount(URI armUrl, String subscriptionId, String resourceGroup, String name) {

    /** The Automation API version the protocol is written against. */
    static final String API_VERSION = "2024-10-23";

    private static final Pattern SUBSCRIPTION =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** ARM's rule for resource group names: 1 to 90 letters, digits, '-', '_', '.', '(' and ')'. */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[-\\w._()]{1,90}");
    /** Azure Automation's rule for account names: 6 to 50 letters, digits and hyphens, starting with a letter. */
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]");

    AutomationAccount {
        Objects.requireNonNull(armUrl, "armUrl");
        if (subscriptionId == null || !SUBSCRIPTION.matcher(subscriptionId).matches()) {
            throw new IllegalArgumentException(
                    "bot.exchange-server.runner.subscription-id must be a subscription id (a UUID), was "
                            + subscriptionId);
        }
        if (resourceGroup == null || !RESOURCE_GROUP.matcher(resourceGroup).matches()) {
            throw new IllegalArgumentException(
                    "bot.exchange-server.runner.resource-group must be a resource group name, was " + resourceGroup);
        }
        if (name == null || !ACCOUNT.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "bot.exchange-server.runner.automation-account must be an Automation account name (6 to 50"
                            + " letters, digits and hyphens), was " + name);
        }
    }

    /** {@code …/jobs/{jobName}}. */
    URI job(String jobName) {
        return uri(jobPath(jobName), null);
    }

    /** {@code …/jobs/{jobName}/{action}}: output, stop, streams. */
    URI job(String jobName, String action) {
        return uri(jobPath(jobName) + "/" + segment(action), null);
    }

    /** {@code …/jobs/{jobName}/streams?$filter=…}. */
    URI streams(String jobName, String filter) {
        return uri(jobPath(jobName) + "/streams", filter);
    }

    /** {@code …/jobs/{jobName}/streams/{jobStreamId}}. */
    URI stream(String jobName, String jobStreamId) {
        return uri(jobPath(jobName) + "/streams/" + segment(jobStreamId), null);
    }

    /** {@code …/runbooks/{runbook}}. */
    URI runbook(String runbook) {
        return uri(accountPath() + "/runbooks/" + segment(runbook), null);
    }

    /** {@code …/hybridRunbookWorkerGroups/{group}/hybridRunbookWorkers}. */
    URI workers(String workerGroup) {
        return uri(
                accountPath() + "/hybridRunbookWorkerGroups/" + segment(workerGroup) + "/hybridRunbookWorkers", null);
    }

    /** How admins find the account in the portal: its name, resource group and subscription. */
    String describe() {
        return "Automation account " + name + " (resource group " + resourceGroup + ", subscription " + subscriptionId
                + ")";
    }

    private String jobPath(String jobName) {
        return accountPath() + "/jobs/" + segment(jobName);
    }

    private String accountPath() {
        return "/subscriptions/" + segment(subscriptionId) + "/resourceGroups/" + segment(resourceGroup)
                + "/providers/Microsoft.Automation/automationAccounts/" + segment(name);
    }

    private URI uri(String path, String filter) {
        String base = armUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String query = "?api-version=" + API_VERSION;
        if (filter != null) {
            query += "&$filter=" + UriUtils.encodeQueryParam(filter, java.nio.charset.StandardCharsets.UTF_8);
        }
        return URI.create(base + path + query);
    }

    private static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an empty name in an Azure Resource Manager path");
        }
        return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
